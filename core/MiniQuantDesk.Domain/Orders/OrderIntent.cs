namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// What the portfolio wants the broker to do. <see cref="IntentId"/> is deterministic from
/// (strategy set, symbol, bar time, side) and doubles as Alpaca's client_order_id, which is what makes
/// a re-delivered message unable to produce a second broker order.
/// </summary>
public sealed record OrderIntent(
    string IntentId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    OrderType Type,
    decimal? LimitPrice,
    DateTimeOffset BarTime,
    string StrategySet,
    decimal ReferencePrice,
    ProtectiveExit? Protection = null);
