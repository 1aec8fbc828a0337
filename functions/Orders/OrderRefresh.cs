using System.Text.Json;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Broker;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// Brings one stored order to its true state at the broker: an order whose submit is unconfirmed is looked up
/// by client_order_id (found → tracked; not found → sent again under the same id); a known order gets its
/// fills (execution ids make repeats harmless) and its status. Used by TrackOrder and by Reconcile.
/// </summary>
public sealed class OrderRefresh(BrokerClients broker, OrderLifecycle lifecycle, OrderSubmission submission, ExposureReservations reservations, TimeProvider time)
{
    public async Task<StoredOrder> RefreshAsync(StoredOrder order, ILogger logger, CancellationToken ct)
    {
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

        var since = (order.Record.SubmittedAt ?? order.Record.CreatedAt).AddMinutes(-1);
        var fills = await broker.Trading.GetFillActivitiesAsync(after: since, cancellationToken: ct);
        foreach (var fill in fills.Where(f => f.OrderId == brokerId).OrderBy(f => f.TransactionTime))
        {
            var side = string.Equals(fill.Side, "sell", StringComparison.OrdinalIgnoreCase) || fill.Side.StartsWith("sell", StringComparison.OrdinalIgnoreCase) ? OrderSide.Sell : OrderSide.Buy;
            var fillEvent = new FillEvent(order.Record.ClientOrderId, fill.Id, fill.Symbol, side, fill.Qty, fill.Price, 0m, fill.TransactionTime);
            order = await lifecycle.ApplyAsync(order, new FillReported(fillEvent), logger, ct);
        }

        var current = await broker.Trading.GetOrderAsync(brokerId, cancellationToken: ct);
        if (current is not null)
        {
            order = await lifecycle.ApplyAsync(order, new StatusReported(current.Status, time.GetUtcNow()), logger, ct);
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
