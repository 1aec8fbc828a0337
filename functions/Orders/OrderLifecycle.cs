using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// Applies one broker fact to a stored order through the state machine, persists the result under the
/// ETag it read, and appends the transition to the log. Refused events change nothing and are logged.
/// </summary>
public sealed class OrderLifecycle(OrderStore orders, TransactionLog log)
{
    public async Task<StoredOrder> ApplyAsync(StoredOrder current, OrderEvent broker, ILogger logger, CancellationToken ct)
    {
        switch (OrderStateMachine.Apply(current.Record, broker))
        {
            case TransitionApplied applied:
                var stored = await orders.ReplaceAsync(current, applied.Record, ct);
                await log.AppendTransitionAsync(applied.Transition, ct);
                logger.LogInformation("Order {Id}: {From} -> {To} on {Event}", applied.Record.ClientOrderId, applied.Transition.From, applied.Transition.To, applied.Transition.Event);
                return stored;
            case TransitionIgnored ignored:
                logger.LogDebug("Order {Id}: {Event} ignored ({Reason})", current.Record.ClientOrderId, broker.GetType().Name, ignored.Reason);
                return current;
            case TransitionRefused refused:
                logger.LogWarning("Order {Id}: {Event} refused in {Status}: {Reason}", current.Record.ClientOrderId, broker.GetType().Name, current.Record.Status, refused.Reason);
                await log.AppendAsync(new JsonObject
                {
                    ["id"] = $"refused:{current.Record.ClientOrderId}:{broker.GetType().Name}:{broker.At.UtcTicks}",
                    ["kind"] = "order-transition-refused",
                    ["clientOrderId"] = current.Record.ClientOrderId,
                    ["status"] = current.Record.Status.ToString(),
                    ["event"] = broker.GetType().Name,
                    ["reason"] = refused.Reason,
                }, broker.At, ct);
                return current;
            default:
                throw new InvalidOperationException("unknown transition result");
        }
    }
}
