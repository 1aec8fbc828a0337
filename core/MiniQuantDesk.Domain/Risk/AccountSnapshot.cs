namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The broker account as the risk manager needs it (Alpaca GET /v2/account). The two PDT fields are
/// optional at Alpaca (they may be absent), hence nullable; the PDT check decides what absence means.
/// </summary>
public sealed record AccountSnapshot(
    decimal Equity,
    decimal Cash,
    decimal BuyingPower,
    bool? PatternDayTrader = null,
    int? DayTradeCount = null);
