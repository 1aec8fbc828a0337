using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// Applies one event to one order: guards the event data, classifies it into a column of
/// <see cref="OrderTransitionTable"/>, looks the move up and returns the new record with its log line.
/// Pure: the same record and event always give the same result, and nothing is applied unless legal.
/// </summary>
public static class OrderStateMachine
{
    public static OrderTransitionResult Apply(OrderRecord record, OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(orderEvent);

        if (orderEvent is FillReported { Fill: var fill })
        {
            return ApplyFill(record, fill);
        }

        var kind = KindOf(orderEvent);
        var dataError = orderEvent switch
        {
            SubmitAcknowledged { BrokerOrderId: var id } when string.IsNullOrWhiteSpace(id) => "SubmitAcknowledged.BrokerOrderId must not be empty",
            OrderFound { BrokerOrderId: var id } when string.IsNullOrWhiteSpace(id) => "OrderFound.BrokerOrderId must not be empty",
            _ => null,
        };
        if (dataError is not null)
        {
            return new TransitionRefused(record, dataError);
        }

        if (OrderTransitionTable.Next(record.Status, kind) is not { } to)
        {
            return Refuse(record, kind);
        }

        if (to == record.Status)
        {
            return new TransitionIgnored(record, $"{Describe(orderEvent, kind)} leaves {record.Status} unchanged (repeated or reported out of order)");
        }

        var updated = Stamp(record, to, orderEvent.At) with
        {
            BrokerOrderId = orderEvent switch
            {
                SubmitAcknowledged ack => ack.BrokerOrderId,
                OrderFound found => found.BrokerOrderId,
                _ => record.BrokerOrderId,
            },
            SubmittedAt = orderEvent is SubmitSent ? orderEvent.At : record.SubmittedAt,
        };
        var transition = new OrderTransition(
            updated.ClientOrderId,
            updated.BrokerOrderId,
            record.Status,
            to,
            kind,
            orderEvent.At,
            updated.FilledQuantity,
            updated.AverageFillPrice,
            BrokerStatus: (orderEvent as StatusReported)?.BrokerStatus,
            Detail: orderEvent switch
            {
                SubmitRefused refused => refused.Reason,
                SubmitOutcomeUnknown unknown => unknown.Reason,
                ReplaceRequested { ReplacementBrokerOrderId: { } replacement } => $"replaced by {replacement}",
                _ => null,
            });
        return new TransitionApplied(updated, transition);
    }

    /// <summary>The table column an event falls in. A fill's column depends on the record (does it complete it?).</summary>
    public static OrderEventKind KindOf(OrderRecord record, OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(record);
        return orderEvent is FillReported { Fill: var fill }
            ? (record.FilledQuantity + fill.Quantity == record.Quantity ? OrderEventKind.CompletingFill : OrderEventKind.PartialFill)
            : KindOf(orderEvent);
    }

    private static OrderEventKind KindOf(OrderEvent orderEvent) => orderEvent switch
    {
        SubmitSent => OrderEventKind.Submit,
        SubmitAcknowledged => OrderEventKind.SubmitAcknowledged,
        SubmitRefused => OrderEventKind.SubmitRefused,
        SubmitOutcomeUnknown => OrderEventKind.SubmitOutcomeUnknown,
        OrderFound => OrderEventKind.OrderFound,
        OrderNotFound => OrderEventKind.OrderNotFound,
        CancelRequested => OrderEventKind.CancelRequested,
        ReplaceRequested => OrderEventKind.ReplaceRequested,
        StatusReported reported => AlpacaOrderStatus.TryParse(reported.BrokerStatus, out var status)
            ? OrderTransitionTable.ReportOf(status)
            : OrderEventKind.ReportedUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(orderEvent), orderEvent.GetType().Name, "unknown order event type"),
    };

    private static OrderTransitionResult ApplyFill(OrderRecord record, FillEvent fill)
    {
        var errors = fill.Validate();
        if (errors.Count > 0)
        {
            return new TransitionRefused(record, string.Join("; ", errors));
        }

        if (!string.Equals(fill.ClientOrderId, record.ClientOrderId, StringComparison.Ordinal))
        {
            return new TransitionRefused(record, $"fill {fill.ExecutionId} is for order {fill.ClientOrderId}, not {record.ClientOrderId}");
        }

        if (!string.Equals(fill.Symbol, record.Symbol, StringComparison.Ordinal) || fill.Side != record.Side)
        {
            return new TransitionRefused(record, $"fill {fill.ExecutionId} is {fill.Side} {fill.Symbol}, the order is {record.Side} {record.Symbol}");
        }

        if (record.AppliedExecutionIds.Contains(fill.ExecutionId))
        {
            return new TransitionIgnored(record, $"execution {fill.ExecutionId} is already applied");
        }

        if (record.FilledQuantity + fill.Quantity > record.Quantity)
        {
            return new TransitionRefused(
                record,
                FormattableString.Invariant($"fill {fill.ExecutionId} of {fill.Quantity} would bring the filled quantity to {record.FilledQuantity + fill.Quantity}, over the order's {record.Quantity}"));
        }

        var kind = KindOf(record, new FillReported(fill));
        if (OrderTransitionTable.Next(record.Status, kind) is not { } to)
        {
            return Refuse(record, kind);
        }

        var filled = record.FilledQuantity + fill.Quantity;
        var averagePrice = ((record.AverageFillPrice ?? 0m) * record.FilledQuantity + fill.Price * fill.Quantity) / filled;
        var updated = Stamp(record, to, fill.At) with
        {
            FilledQuantity = filled,
            AverageFillPrice = averagePrice,
            AppliedExecutionIds = record.AppliedExecutionIds.Add(fill.ExecutionId),
            LastFillAt = record.LastFillAt is { } last && last > fill.At ? last : fill.At,
        };
        var transition = new OrderTransition(
            updated.ClientOrderId,
            updated.BrokerOrderId,
            record.Status,
            to,
            kind,
            fill.At,
            filled,
            averagePrice,
            ExecutionId: fill.ExecutionId,
            FillQuantity: fill.Quantity,
            FillPrice: fill.Price,
            FillCommission: fill.Commission);
        return new TransitionApplied(updated, transition);
    }

    private static OrderRecord Stamp(OrderRecord record, OrderStatus to, DateTimeOffset at) => record with
    {
        Status = to,
        UpdatedAt = at > record.UpdatedAt ? at : record.UpdatedAt,
        ClosedAt = !record.IsTerminal && OrderTransitionTable.IsTerminal(to) ? at : record.ClosedAt,
    };

    private static TransitionRefused Refuse(OrderRecord record, OrderEventKind kind) =>
        new(record, $"{kind} is not allowed in {record.Status} (order {record.ClientOrderId}); see docs/orders.md");

    private static string Describe(OrderEvent orderEvent, OrderEventKind kind) =>
        orderEvent is StatusReported reported ? $"{kind} ('{reported.BrokerStatus}')" : kind.ToString();
}
