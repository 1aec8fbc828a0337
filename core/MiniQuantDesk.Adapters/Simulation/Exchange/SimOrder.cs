using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>
/// One order on the simulated venue, as Alpaca would report it. Mutable, and only ever touched under the exchange's
/// lock. A bracket/OTO parent holds its exit legs; a leg points back to its parent.
/// </summary>
internal sealed class SimOrder
{
    public required string Id { get; init; }
    public required string ClientOrderId { get; init; }
    public required long Sequence { get; init; }
    public required string Symbol { get; init; }
    public required OrderSide Side { get; init; }

    /// <summary>"market", "limit", "stop", "stop_limit".</summary>
    public required string Type { get; init; }
    public required string TimeInForce { get; set; }
    public required decimal Qty { get; set; }
    public decimal? LimitPrice { get; set; }
    public decimal? StopPrice { get; set; }

    /// <summary>"" (simple), "bracket" or "oto"; legs carry their parent's class.</summary>
    public string OrderClass { get; init; } = "";
    public SimOrder? Parent { get; set; }
    public List<SimOrder> Legs { get; } = [];

    public required string Status { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? FilledAt { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
    public string? ReplacedBy { get; set; }
    public string? Replaces { get; init; }

    public decimal FilledQty { get; set; }

    /// <summary>Σ qty × price of the fills so far (the average price is derived, never rounded).</summary>
    public decimal FilledValue { get; set; }

    /// <summary>Bars starting at or after this instant may fill the order (no fill inside the bar it arrived in).</summary>
    public DateTimeOffset EligibleFrom { get; set; }

    /// <summary>A stop-limit whose stop has been touched now works as a limit order.</summary>
    public bool StopTriggered { get; set; }

    public decimal Remaining => Qty - FilledQty;

    public decimal? FilledAvgPrice => FilledQty == 0m ? null : FilledValue / FilledQty;

    public bool IsOpen => !SimOrderStatus.IsTerminal(Status);

    public bool IsLeg => Parent is not null;
}
