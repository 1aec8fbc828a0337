using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;
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
public sealed class ReconcileFunction(BrokerClients broker, OrderStore orders, OrderRefresh refresh, PositionAdjustmentStore adjustments, TransactionLog log, PoisonTriage poison, Discord.Replies.ReplyClaims replies, TimeProvider time) : ITimerFunction
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

        var splits = await adjustments.ListAsync(cancellationToken);
        var desk = DeskBook(await orders.ListAsync(cancellationToken), splits);
        var brokerPositions = await broker.Trading.ListPositionsAsync(cancellationToken);
        var held = brokerPositions.ToDictionary(p => p.Symbol, p => string.Equals(p.Side, "short", StringComparison.OrdinalIgnoreCase) && p.Qty > 0 ? -p.Qty : p.Qty, StringComparer.Ordinal);
        var drift = PositionDrift.Compare(desk.ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal), held);
        foreach (var d in drift)
        {
            var brokerPosition = brokerPositions.FirstOrDefault(p => p.Symbol == d.Symbol);
            var deskPosition = desk.GetValueOrDefault(d.Symbol);
            if (deskPosition is not null && brokerPosition?.CostBasis is { } brokerCost
                && SplitRecognition.RatioOf(deskPosition.Quantity, deskPosition.CostBasis, d.BrokerQuantity, brokerCost) is { } ratio)
            {
                await ApplySplitAsync(d.Symbol, ratio, now, context, cancellationToken);
                continue;
            }

            var id = $"drift:{d.Symbol}:{d.DeskQuantity.ToString(CultureInfo.InvariantCulture)}:{d.BrokerQuantity.ToString(CultureInfo.InvariantCulture)}";
            await log.AppendAsync(new JsonObject { ["id"] = id, ["kind"] = "drift", ["symbol"] = d.Symbol, ["desk"] = d.DeskQuantity.ToString(CultureInfo.InvariantCulture), ["broker"] = d.BrokerQuantity.ToString(CultureInfo.InvariantCulture) }, now, cancellationToken);
            context.Enqueue("notify", new Notification(id, "drift", $"Position drift on {d.Symbol}", $"desk {d.DeskQuantity}, broker {d.BrokerQuantity}: not traded, please check", now).ToJson());
            context.Logger.LogWarning("Drift on {Symbol}: desk {Desk}, broker {Broker}", d.Symbol, d.DeskQuantity, d.BrokerQuantity);
        }

        // Work the host gave up on is said every run (the notification id keeps it to one message per poisoned
        // message), once the copies whose work was done anyway are taken out.
        var poisoned = await poison.RunAsync(context.Logger, now, cancellationToken);
        foreach (var alert in PoisonAlerts.Compose(poisoned, now))
        {
            context.Enqueue("notify", alert.ToJson());
        }

        foreach (var queue in poisoned)
        {
            context.Logger.LogError("{Count} message(s) in {Poison}: work the desk did not do", queue.Depth, queue.PoisonQueue);
        }

        var swept = await replies.SweepDeadAsync(cancellationToken);
        if (swept > 0)
        {
            context.Logger.LogInformation("{Count} claim(s) on Discord replies whose token is dead deleted", swept);
        }

        context.Log($"reconciled: {brokerOrders.Count} broker orders seen, {drift.Count} drifting symbols, {poisoned.Sum(q => q.Depth)} poisoned messages, {swept} dead reply claims swept");
    }

    /// <summary>The desk's positions are what its own orders filled: signed filled quantity per symbol.</summary>
    public static Dictionary<string, decimal> DeskPositions(IEnumerable<StoredOrder> known, IEnumerable<PositionAdjustmentStore.Split>? splits = null) =>
        DeskBook(known, splits ?? []).ToDictionary(p => p.Key, p => p.Value.Quantity, StringComparer.Ordinal);

    /// <summary>Positions with their cost, replayed in time order: each order's fills, and the splits between them.</summary>
    public static Dictionary<string, Position> DeskBook(IEnumerable<StoredOrder> known, IEnumerable<PositionAdjustmentStore.Split> splits)
    {
        var events = known.Where(o => o.Record.FilledQuantity > 0m)
            .Select(o => (At: o.Record.LastFillAt ?? o.Record.UpdatedAt, Order: (OrderRecord?)o.Record, Split: (PositionAdjustmentStore.Split?)null))
            .Concat(splits.Select(s => (At: s.At, Order: (OrderRecord?)null, Split: (PositionAdjustmentStore.Split?)s)))
            .OrderBy(e => e.At);
        var book = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var (at, order, split) in events)
        {
            if (order is not null)
            {
                var position = book.GetValueOrDefault(order.Symbol) ?? Position.Flat(order.Symbol);
                book[order.Symbol] = position.Apply(new FillEvent(order.ClientOrderId, $"order:{order.ClientOrderId}", order.Symbol, order.Side, order.FilledQuantity, order.AverageFillPrice ?? 0m, 0m, at)).Position;
            }
            else if (split is not null && book.TryGetValue(split.Symbol, out var held))
            {
                book[split.Symbol] = held.ApplySplit(split.Ratio);
            }
        }

        return book;
    }

    private async Task ApplySplitAsync(string symbol, decimal ratio, DateTimeOffset now, FunctionContext context, CancellationToken ct)
    {
        var id = $"split:{symbol}:{NewYorkTime.SessionDate(now):yyyy-MM-dd}";
        if (await adjustments.AddIfAbsentAsync(new PositionAdjustmentStore.Split(symbol, id, ratio, now), ct))
        {
            await log.AppendAsync(new JsonObject { ["id"] = id, ["kind"] = "split-applied", ["symbol"] = symbol, ["ratio"] = ratio.ToString(CultureInfo.InvariantCulture) }, now, ct);
            context.Enqueue("notify", new Notification(id, "split", $"Split applied to {symbol}", $"the broker's position changed by a {ratio}-for-1 split with its cost unchanged; the books follow (not drift)", now).ToJson());
            context.Log($"{symbol}: {ratio}-for-1 split applied to the books");
        }
    }

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
