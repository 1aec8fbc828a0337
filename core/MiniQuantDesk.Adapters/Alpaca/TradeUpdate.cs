namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>One event of Alpaca's <c>trade_updates</c> stream (the fields the desk uses).</summary>
public sealed record TradeUpdate(
    string Event,
    string OrderId,
    string ClientOrderId,
    string Symbol,
    string OrderStatus,
    string? ExecutionId,
    decimal? Price,
    decimal? Qty,
    DateTimeOffset? Timestamp);
