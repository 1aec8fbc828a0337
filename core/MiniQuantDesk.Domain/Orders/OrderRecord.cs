using System.Collections.Immutable;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// The desk's view of one order, keyed by <see cref="ClientOrderId"/> (= the intent id = Alpaca's
/// client_order_id). Immutable: <see cref="OrderStateMachine.Apply"/> returns a new record.
/// <see cref="FilledQuantity"/> and <see cref="AverageFillPrice"/> are built from the executions in
/// <see cref="AppliedExecutionIds"/> only, so the fill totals never depend on which status arrived when.
/// </summary>
public sealed record OrderRecord(
    string ClientOrderId,
    string? BrokerOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    ImmutableList<string> AppliedExecutionIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? LastFillAt = null,
    DateTimeOffset? ClosedAt = null)
{
    /// <summary>Shares not filled yet.</summary>
    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>No transition leaves this status except a late fill (see docs/orders.md).</summary>
    public bool IsTerminal => OrderTransitionTable.IsTerminal(Status);

    /// <summary>The record an accepted intent starts as, before anything is sent.</summary>
    public static OrderRecord FromIntent(OrderIntent intent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new OrderRecord(
            ClientOrderId: intent.IntentId,
            BrokerOrderId: null,
            Symbol: intent.Symbol,
            Side: intent.Side,
            Type: intent.Type,
            Quantity: intent.Quantity,
            LimitPrice: intent.LimitPrice,
            Status: OrderStatus.Intended,
            FilledQuantity: 0m,
            AverageFillPrice: null,
            AppliedExecutionIds: [],
            CreatedAt: at,
            UpdatedAt: at);
    }
}
