using System.Text.Json;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// Brings one stored order to its true state at the broker: an order whose submit is unconfirmed is looked up
/// by client_order_id (found → tracked; not found → sent again under the same id); a known order gets its
/// fills (execution ids make repeats harmless) and its status. Used by TrackOrder and by Reconcile.
/// </summary>
public sealed class OrderRefresh(BrokerClients broker, OrderLifecycle lifecycle, OrderSubmission submission, ExposureReservations reservations, DeskSettings settings, TimeProvider time)
{
    public async Task<StoredOrder> RefreshAsync(StoredOrder order, ILogger logger, CancellationToken ct)
    {
        // An order just written as Intended or Submitting may have its submit in flight on another instance:
        // looking it up now could find nothing and send it again. Leave it to its owner for a grace period
        // longer than the broker call's own time limit; after that its owner is gone or has given up.
        if (order.Record.Status is OrderStatus.Intended or OrderStatus.Submitting
            && time.GetUtcNow() - order.Record.UpdatedAt < settings.Desk.SubmitGrace)
        {
            return order;
        }

        if (order.Record.Status is OrderStatus.Submitting or OrderStatus.Unresolved)
        {
            var found = await broker.Trading.GetOrderByClientOrderIdAsync(order.Record.ClientOrderId, ct);
            order = await lifecycle.ApplyAsync(order, found is null ? new OrderNotFound(time.GetUtcNow()) : new OrderFound(found.Id, time.GetUtcNow()), logger, ct);
        }

        if (order.Record.Status == OrderStatus.Intended)
        {
            return await submission.SubmitAsync(order, IntentOf(order), logger, ct);
        }

        if (order.Record.BrokerOrderId is not { } brokerId)
        {
            return order;
        }

        // The order first, then its executions: whatever the order says was filled must be found among the
        // executions fetched after it. The two endpoints are not read atomically, and a status "filled"
        // applied before its executions would close the order with shares missing from the books.
        var current = await broker.Trading.GetOrderAsync(brokerId, cancellationToken: ct);
        var since = (order.Record.SubmittedAt ?? order.Record.CreatedAt).AddMinutes(-1);
        var fills = await broker.Trading.GetFillActivitiesAsync(after: since, cancellationToken: ct);
        foreach (var fill in fills.Where(f => f.OrderId == brokerId).OrderBy(f => f.TransactionTime))
        {
            var side = fill.Side.StartsWith("sell", StringComparison.OrdinalIgnoreCase) ? OrderSide.Sell : OrderSide.Buy;
            var fillEvent = new FillEvent(order.Record.ClientOrderId, fill.Id, fill.Symbol, side, fill.Qty, fill.Price, 0m, fill.TransactionTime);
            order = await lifecycle.ApplyAsync(order, new FillReported(fillEvent), logger, ct);
        }

        if (current is not null)
        {
            if (order.Record.FilledQuantity < current.FilledQty)
            {
                logger.LogInformation("Order {Id}: broker reports {BrokerFilled} filled, executions show {Filled}; status held back until they arrive",
                    order.Record.ClientOrderId, current.FilledQty, order.Record.FilledQuantity);
            }
            else
            {
                order = await lifecycle.ApplyAsync(order, new StatusReported(current.Status, time.GetUtcNow()), logger, ct);
            }
        }

        if (order.Record.IsTerminal)
        {
            await reservations.ReleaseAsync(order.Record.ClientOrderId, ct);
        }

        return order;
    }

    public async Task<StoredOrder> CancelAsync(StoredOrder order, ILogger logger, CancellationToken ct)
    {
        if (order.Record.BrokerOrderId is { } brokerId)
        {
            await broker.Trading.CancelOrderAsync(brokerId, ct);
        }

        return await lifecycle.ApplyAsync(order, new CancelRequested(time.GetUtcNow()), logger, ct);
    }

    /// <summary>The intent behind a stored order, for re-sending it under the same client_order_id.</summary>
    public static OrderIntent IntentOf(StoredOrder order)
    {
        var r = order.Record;
        ProtectiveExit? protection = null;
        if (order.ProtectionJson is { Length: > 0 } json)
        {
            using var document = JsonDocument.Parse(json);
            decimal? Read(string name) => document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? decimal.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : null;
            protection = new ProtectiveExit(Read("stopLoss"), Read("takeProfit"));
        }

        return new OrderIntent(r.ClientOrderId, r.Symbol, r.Side, r.Quantity, r.Type, r.LimitPrice, r.CreatedAt, "resubmit", r.LimitPrice ?? 0m, protection);
    }
}
