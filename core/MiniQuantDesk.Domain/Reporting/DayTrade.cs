using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// One order's fills on the day, with the profit it realised. Positions carried overnight count from the
/// previous close, so the day's realised plus unrealised P&amp;L add up to the account's change.
/// </summary>
public sealed record DayTrade(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal AveragePrice,
    DateTimeOffset At,
    decimal RealizedPnl,
    bool Closing);
