namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// One execution (OpenAPI schema <c>TradingActivities</c>, spec §9). <see cref="Qty"/>/<see cref="Price"/> describe
/// this execution; <see cref="CumQty"/>/<see cref="LeavesQty"/> the order after it. <see cref="Id"/> is unique per
/// execution, the natural dedupe key for fills, and the <c>page_token</c> for the next page.
/// </summary>
public sealed record AlpacaFillActivity
{
    public string Id { get; init; } = "";
    public string ActivityType { get; init; } = "";

    /// <summary>"fill" or "partial_fill".</summary>
    public string? Type { get; init; }
    public DateTimeOffset TransactionTime { get; init; }
    public string Symbol { get; init; } = "";
    public string Side { get; init; } = "";
    public decimal Qty { get; init; }
    public decimal Price { get; init; }
    public decimal? CumQty { get; init; }
    public decimal? LeavesQty { get; init; }
    public string OrderId { get; init; } = "";
    public string? OrderStatus { get; init; }
}
