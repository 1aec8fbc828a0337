using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.Notifications;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Reconcile;

/// <summary>
/// Every few minutes: re-read every order the desk thinks open, adopt orders placed at the broker by hand,
/// and compare positions. Drift is logged and notified, never traded away.
/// </summary>
public sealed class ReconcileFunction(BrokerClients broker, OrderStore orders, OrderRefresh refresh, TransactionLog log, TimeProvider time) : ITimerFunction
{
    public string Name => "Reconcile";

    public async Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken)
    {
        foreach (var open in await orders.ListOpenAsync(cancellationToken))
        {
            await refresh.RefreshAsync(open, context.Logger, cancellationToken);
        }

        var now = time.GetUtcNow();
        var brokerOrders = await broker.Trading.ListOrdersAsync(new AlpacaOrderQuery { Status = "all", After = now.AddDays(-1), Limit = 500 }, cancellationToken);
        foreach (var stray in brokerOrders)
        {
            await AdoptIfUnknownAsync(stray, context, cancellationToken);
        }

        var desk = DeskPositions(await orders.ListAsync(cancellationToken));
        var held = (await broker.Trading.ListPositionsAsync(cancellationToken))
            .ToDictionary(p => p.Symbol, p => string.Equals(p.Side, "short", StringComparison.OrdinalIgnoreCase) && p.Qty > 0 ? -p.Qty : p.Qty, StringComparer.Ordinal);
        var drift = PositionDrift.Compare(desk, held);
        foreach (var d in drift)
        {
            var id = $"drift:{d.Symbol}:{d.DeskQuantity.ToString(CultureInfo.InvariantCulture)}:{d.BrokerQuantity.ToString(CultureInfo.InvariantCulture)}";
            await log.AppendAsync(new JsonObject { ["id"] = id, ["kind"] = "drift", ["symbol"] = d.Symbol, ["desk"] = d.DeskQuantity.ToString(CultureInfo.InvariantCulture), ["broker"] = d.BrokerQuantity.ToString(CultureInfo.InvariantCulture) }, now, cancellationToken);
            context.Enqueue("notify", new Notification(id, "drift", $"Position drift on {d.Symbol}", $"desk {d.DeskQuantity}, broker {d.BrokerQuantity}: not traded, please check", now).ToJson());
            context.Logger.LogWarning("Drift on {Symbol}: desk {Desk}, broker {Broker}", d.Symbol, d.DeskQuantity, d.BrokerQuantity);
        }

        context.Log($"reconciled: {brokerOrders.Count} broker orders seen, {drift.Count} drifting symbols");
    }

    /// <summary>The desk's positions are what its own orders filled: signed filled quantity per symbol.</summary>
    public static Dictionary<string, decimal> DeskPositions(IEnumerable<StoredOrder> known) =>
        known.GroupBy(o => o.Record.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Record.Side == OrderSide.Buy ? o.Record.FilledQuantity : -o.Record.FilledQuantity), StringComparer.Ordinal);

    private async Task AdoptIfUnknownAsync(AlpacaOrder stray, FunctionContext context, CancellationToken ct)
    {
        if (await orders.GetAsync(stray.ClientOrderId, ct) is not null || stray.Qty is not { } qty)
        {
            return;
        }

        // Adopted as New with nothing filled: the refresh below applies its fills by execution id and its
        // broker status through the state machine, so nothing is counted twice.
        var record = new OrderRecord(
            stray.ClientOrderId, stray.Id, stray.Symbol,
            string.Equals(stray.Side, "sell", StringComparison.OrdinalIgnoreCase) ? OrderSide.Sell : OrderSide.Buy,
            string.Equals(stray.Type, "limit", StringComparison.OrdinalIgnoreCase) ? OrderType.Limit : OrderType.Market,
            qty, stray.LimitPrice, OrderStatus.New, 0m, null, [],
            stray.CreatedAt ?? time.GetUtcNow(), time.GetUtcNow(), stray.SubmittedAt ?? stray.CreatedAt);
        var (stored, inserted) = await orders.InsertIfAbsentAsync(record, null, ct);
        if (inserted)
        {
            await refresh.RefreshAsync(stored, context.Logger, ct);
            await log.AppendAsync(new JsonObject { ["id"] = $"adopt:{stray.Id}", ["kind"] = "order-adopted", ["clientOrderId"] = stray.ClientOrderId, ["brokerOrderId"] = stray.Id, ["symbol"] = stray.Symbol }, time.GetUtcNow(), ct);
            context.Enqueue("notify", new Notification($"adopt:{stray.Id}", "order-adopted", $"Adopted {stray.Side} {qty} {stray.Symbol}",
                $"an order the desk did not place ({stray.ClientOrderId}, {stray.Status}) was found at the broker and added to the books; nothing was cancelled", time.GetUtcNow()).ToJson());
        }
    }
}
