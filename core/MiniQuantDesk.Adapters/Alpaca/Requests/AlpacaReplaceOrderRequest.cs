namespace MiniQuantDesk.Adapters.Alpaca.Requests;

/// <summary>The body of <c>PATCH /v2/orders/{id}</c> (OpenAPI <c>PatchOrderRequest</c>); unset fields are not sent.</summary>
public sealed record AlpacaReplaceOrderRequest
{
    public decimal? Qty { get; init; }
    public string? TimeInForce { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }

    /// <summary>New trail_price or trail_percent of a trailing stop.</summary>
    public decimal? Trail { get; init; }
    public string? ClientOrderId { get; init; }
}
