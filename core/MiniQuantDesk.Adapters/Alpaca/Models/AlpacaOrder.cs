using System.Text.Json.Serialization;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// Alpaca's Order object (OpenAPI schema <c>Order</c>, spec §6). Money and quantities arrive as JSON strings and
/// are read as decimals; enumerations keep Alpaca's raw strings, with typed views beside them.
/// </summary>
public sealed record AlpacaOrder
{
    public string Id { get; init; } = "";
    public string ClientOrderId { get; init; } = "";
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? CanceledAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }
    public DateTimeOffset? ReplacedAt { get; init; }
    public string? ReplacedBy { get; init; }
    public string? Replaces { get; init; }
    public string? AssetId { get; init; }
    public string Symbol { get; init; } = "";
    public string? AssetClass { get; init; }
    public decimal? Notional { get; init; }
    public decimal? Qty { get; init; }
    public decimal FilledQty { get; init; }
    public decimal? FilledAvgPrice { get; init; }

    /// <summary>"" or "simple" for a plain order; "bracket", "oco", "oto".</summary>
    public string? OrderClass { get; init; }

    /// <summary>"market", "limit", "stop", "stop_limit", "trailing_stop".</summary>
    public string Type { get; init; } = "";

    /// <summary>"buy" or "sell".</summary>
    public string Side { get; init; } = "";
    public string? PositionIntent { get; init; }
    public string TimeInForce { get; init; } = "";
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }

    /// <summary>Alpaca's status string, exactly as sent.</summary>
    public string Status { get; init; } = "";
    public bool ExtendedHours { get; init; }
    public IReadOnlyList<AlpacaOrder>? Legs { get; init; }
    public decimal? TrailPercent { get; init; }
    public decimal? TrailPrice { get; init; }
    public decimal? Hwm { get; init; }

    [JsonIgnore]
    public AlpacaOrderStatus StatusKind => AlpacaOrderStatuses.Parse(Status);

    /// <summary>The side in domain terms; null if Alpaca sent something else.</summary>
    [JsonIgnore]
    public OrderSide? DomainSide => Side switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => null,
    };
}
