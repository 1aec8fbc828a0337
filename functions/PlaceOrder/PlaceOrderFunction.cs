using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.Notifications;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.PlaceOrder;

/// <summary>
/// One intent: honour the kill switch, pass risk (exposure reserved under an ETag), write the order record if
/// absent, send it with client_order_id = intent id, and schedule its tracking. A re-delivered intent finds
/// its record and never produces a second broker order.
/// </summary>
public sealed class PlaceOrderFunction(
    DeskStateStore state,
    OrderStore orders,
    RiskGate risk,
    OrderSubmission submission,
    OrderTrackingQueue tracking,
    ExposureReservations reservations,
    TransactionLog log,
    TimeProvider time) : IQueueFunction
{
    public string Name => "PlaceOrder";

    public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
    {
        var intent = OrderIntentMessage.Parse(message);
        var flags = await state.ReadFlagsAsync(cancellationToken);
        var existing = await orders.GetAsync(intent.IntentId, cancellationToken);
        if (existing is null)
        {
            var verdict = await risk.CheckAndReserveAsync(intent, flags, cancellationToken);
            if (!verdict.Approved)
            {
                await RefuseAsync(intent, verdict.ToString(), verdict.Codes.Select(c => c.ToString()), context, cancellationToken);
                return;
            }

            (existing, var inserted) = await orders.InsertIfAbsentAsync(OrderRecord.FromIntent(intent, time.GetUtcNow()), OrderIntentMessage.ProtectionJson(intent), cancellationToken);
            if (!inserted && existing.Record.IsTerminal)
            {
                // A concurrent delivery already took this order to its end (and released its exposure);
                // the reservation just made under the same intent id must not outlive it.
                await reservations.ReleaseAsync(intent.IntentId, cancellationToken);
            }
        }

        if (existing.Record.Status == OrderStatus.Intended)
        {
            existing = await submission.SubmitAsync(existing, intent, context.Logger, cancellationToken);
            if (existing.Record.Status is not (OrderStatus.Abandoned or OrderStatus.Rejected))
            {
                context.Enqueue("notify", new Notification($"placed:{intent.IntentId}", "order-placed", $"{intent.Side} {intent.Quantity} {intent.Symbol}",
                    $"{intent.Type} order {intent.IntentId} is {existing.Record.Status} at the broker", time.GetUtcNow()).ToJson());
            }
        }
        else
        {
            context.Log($"intent {intent.IntentId} already has an order in {existing.Record.Status}: not sent again");
        }

        if (!existing.Record.IsTerminal)
        {
            await tracking.ScheduleAsync(intent.IntentId, 1, OrderTrackingQueue.Backoff(0), context.Activity?.Id, cancellationToken);
        }
    }

    private async Task RefuseAsync(OrderIntent intent, string why, IEnumerable<string> codes, FunctionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var codeArray = new JsonArray();
        foreach (var code in codes)
        {
            codeArray.Add(code);
        }

        await log.AppendAsync(new JsonObject
        {
            ["id"] = $"risk:{intent.IntentId}",
            ["kind"] = "risk-rejection",
            ["intentId"] = intent.IntentId,
            ["symbol"] = intent.Symbol,
            ["codes"] = codeArray,
            ["reason"] = why,
        }, now, ct);
        context.Enqueue("notify", new Notification($"risk:{intent.IntentId}", "risk-rejection", $"Refused {intent.Side} {intent.Quantity} {intent.Symbol}", why, now).ToJson());
        context.Log($"intent {intent.IntentId} refused by risk: {why}");
    }
}
