using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.Notifications;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.TrackOrder;

/// <summary>
/// The order lifecycle, one look at a time: bring the order to its broker state, and if it is not finished,
/// look again later (delayed message, growing back-off); past the configured timeout, ask to cancel it.
/// </summary>
public sealed class TrackOrderFunction(OrderStore orders, OrderRefresh refresh, OrderTrackingQueue tracking, DeskSettings settings, TimeProvider time) : IQueueFunction
{
    public string Name => "TrackOrder";

    public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
    {
        var track = TrackOrderMessage.Parse(message);
        var order = await orders.GetAsync(track.ClientOrderId, cancellationToken)
            ?? throw new InvalidInvocationException($"no order {track.ClientOrderId} to track");
        if (order.Record.IsTerminal)
        {
            return; // a repeated message after the end: nothing to do
        }

        var before = order.Record;
        order = await refresh.RefreshAsync(order, context.Logger, cancellationToken);
        NotifyChange(before, order.Record, context);
        if (order.Record.IsTerminal)
        {
            return;
        }

        var age = time.GetUtcNow() - (order.Record.SubmittedAt ?? order.Record.CreatedAt);
        if (age > settings.Desk.OrderTimeout && order.Record.Status is not OrderStatus.PendingCancel)
        {
            order = await refresh.CancelAsync(order, context.Logger, cancellationToken);
            context.Log($"order {order.Record.ClientOrderId} open for {age.TotalSeconds:0} s: cancel requested");
        }

        await tracking.ScheduleAsync(track.ClientOrderId, track.Attempt + 1, OrderTrackingQueue.Backoff(track.Attempt), context.Activity?.Id, cancellationToken);
    }

    private void NotifyChange(OrderRecord before, OrderRecord after, FunctionContext context)
    {
        if (after.FilledQuantity > before.FilledQuantity)
        {
            context.Enqueue("notify", new Notification($"fill:{after.ClientOrderId}:{after.FilledQuantity}", "order-filled",
                $"{after.Side} {after.FilledQuantity}/{after.Quantity} {after.Symbol} @ {after.AverageFillPrice}",
                $"order {after.ClientOrderId} is {after.Status}", time.GetUtcNow()).ToJson());
        }
        else if (after.IsTerminal && after.Status != before.Status)
        {
            context.Enqueue("notify", new Notification($"end:{after.ClientOrderId}:{after.Status}", "order-closed",
                $"{after.Symbol} order {after.Status}", $"order {after.ClientOrderId} ended {after.Status} with {after.FilledQuantity} filled", time.GetUtcNow()).ToJson());
        }
    }
}
