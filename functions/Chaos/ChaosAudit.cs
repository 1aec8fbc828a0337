using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Adapters.Simulation.Faults;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.NotifyDiscord;
using MiniQuantDesk.Functions.Reconcile;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The end of a campaign, read from the outside: what the desk meant to do (every intent and notification a host
/// wrote), what the broker holds, what the desk's tables say, what Discord received. Nothing here trusts the desk's
/// own summary of itself.
/// </summary>
public static class ChaosAudit
{
    private static readonly TimeSpan ResettleTimeout = TimeSpan.FromSeconds(60);
    private static readonly HashSet<string> FinalAtBroker = new(StringComparer.Ordinal) { "filled", "canceled", "expired", "rejected", "replaced", "done_for_day" };

    public static async Task<bool> IsSettledAsync(ChaosStage stage, CancellationToken ct)
    {
        try
        {
            foreach (var name in DeskQueues.All)
            {
                var queue = stage.Storage.Queue(name);
                if (await queue.ExistsAsync(ct) && (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount > 0)
                {
                    return false;
                }
            }

            var orders = await new OrderStore(stage.Storage).ListAsync(ct);
            if (orders.Any(o => !o.Record.IsTerminal) || stage.Market.State().Orders.Any(o => !FinalAtBroker.Contains(o.Status)))
            {
                return false;
            }

            var delivered = await DeliveredAsync(stage, ct);
            return Routable(stage, stage.Outputs).All(delivered.ContainsKey);
        }
        catch (Azure.RequestFailedException)
        {
            return false;
        }
    }

    public static async Task<ChaosReport> BuildAsync(ChaosStage stage, ChaosOptions options, ChaosTally tally, KillSwitchFigures kill, bool settled, TimeSpan wall, CancellationToken ct)
    {
        // The desk keeps running while it is audited (timers still evaluate minutes, refused by the kill switch). What it
        // meant to do is taken first; the desk then settles again, so everything in that snapshot has been handled
        // before its outcome is read (an intent written a moment after the first settling would otherwise look lost).
        var written = stage.Outputs.ToArray();
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < ResettleTimeout && !await IsSettledAsync(stage, ct);)
        {
            await Task.Delay(200, ct);
        }

        var intents = written.Where(o => o.Queue == DeskQueues.OrderIntents)
            .Select(o => JsonNode.Parse(o.Message) as JsonObject)
            .Where(j => j?["intentId"] is not null)
            .GroupBy(j => j!["intentId"]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()!, StringComparer.Ordinal);
        var orders = await new OrderStore(stage.Storage).ListAsync(ct);
        var desk = orders.ToDictionary(o => o.Record.ClientOrderId, StringComparer.Ordinal);
        var log = await new TransactionLog(stage.Storage).ReadDayAsync(stage.Market.Now, ct);
        var refused = log.Where(e => e["kind"]?.ToString() == "risk-rejection").Select(e => e["intentId"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
        var broker = stage.Market.State();
        var parents = broker.Orders.Where(o => o.ParentId is null).ToList();
        var problems = new List<string>();

        // Duplicates: a client order id twice at the broker, a broker order the desk does not know, or two intents of one strategy set for one bar, symbol and side both sent.
        var twice = parents.GroupBy(o => o.ClientOrderId, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        var unknown = parents.Where(o => !desk.ContainsKey(o.ClientOrderId)).ToList();
        var sameBar = intents.Values.Where(i => desk.TryGetValue(i["intentId"]!.ToString(), out var o) && parents.Any(p => p.ClientOrderId == o.Record.ClientOrderId))
            .GroupBy(i => $"{i["strategySet"]}|{i["symbol"]}|{i["side"]}|{i["barTime"]}", StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        problems.AddRange(twice.Select(g => $"DUPLICATE client_order_id {g.Key} placed {g.Count()} times at the broker"));
        problems.AddRange(unknown.Select(o => $"DUPLICATE? broker order {o.Id} ({o.ClientOrderId}, {o.Side} {o.Qty} {o.Symbol}) is unknown to the desk"));
        problems.AddRange(sameBar.Select(g => $"DUPLICATE intents {string.Join(", ", g.Select(i => i["intentId"]))} for one bar/symbol/side all reached the broker"));
        var duplicated = twice.Sum(g => g.Count() - 1) + unknown.Count + sameBar.Sum(g => g.Count() - 1);

        // Losses: an intent with no order and no refusal, an order never settled, an order the desk thinks the broker has but it does not.
        var vanished = intents.Keys.Where(id => !desk.ContainsKey(id) && !refused.Contains(id)).ToList();
        var unsettled = orders.Where(o => !o.Record.IsTerminal).ToList();
        var phantom = orders.Where(o => o.Record.BrokerOrderId is not null && parents.All(p => p.ClientOrderId != o.Record.ClientOrderId)).ToList();
        problems.AddRange(vanished.Select(id => $"LOST intent {id}: no order and no risk refusal"));
        problems.AddRange(unsettled.Select(o => $"LOST? order {o.Record.ClientOrderId} still {o.Record.Status} after settling"));
        problems.AddRange(phantom.Select(o => $"LOST order {o.Record.ClientOrderId}: the desk has broker id {o.Record.BrokerOrderId}, the broker has no such order"));
        var lost = vanished.Count + unsettled.Count + phantom.Count;

        var fillMismatches = 0;
        foreach (var p in parents.Where(p => desk.ContainsKey(p.ClientOrderId)))
        {
            var record = desk[p.ClientOrderId].Record;
            if (record.FilledQuantity != p.FilledQty || (p.FilledQty > 0 && record.AverageFillPrice != p.FilledAvgPrice))
            {
                fillMismatches++;
                problems.Add($"MISMATCH order {p.ClientOrderId}: broker filled {p.FilledQty} @ {p.FilledAvgPrice}, desk {record.FilledQuantity} @ {record.AverageFillPrice}");
            }
        }

        var deskPositions = ReconcileFunction.DeskPositions(orders).Where(p => p.Value != 0m).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var brokerPositions = broker.Positions.Where(p => p.Qty != 0m).ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.Ordinal);
        var symbols = deskPositions.Keys.Union(brokerPositions.Keys).Order(StringComparer.Ordinal).ToList();
        var positionMismatches = symbols.Where(s => deskPositions.GetValueOrDefault(s) != brokerPositions.GetValueOrDefault(s)).ToList();
        problems.AddRange(positionMismatches.Select(s => $"MISMATCH position {s}: desk {deskPositions.GetValueOrDefault(s)}, broker {brokerPositions.GetValueOrDefault(s)}"));

        // P&L: the broker's cash and marked positions against the cash flow of the desk's own fills, marked the same way.
        var deskCash = orders.Sum(o => (o.Record.Side == OrderSide.Sell ? 1m : -1m) * o.Record.FilledQuantity * (o.Record.AverageFillPrice ?? 0m));
        var marks = broker.Positions.ToDictionary(p => p.Symbol, p => p.Mark, StringComparer.Ordinal);
        var deskPnl = deskCash + deskPositions.Sum(p => p.Value * marks.GetValueOrDefault(p.Key));
        var brokerPnl = broker.Cash - ChaosStage.StartingCash + broker.Positions.Sum(p => p.Qty * p.Mark);
        var pnlDifference = brokerPnl - deskPnl;
        if (Math.Abs(pnlDifference) >= 0.01m)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MISMATCH P&L: broker {brokerPnl:F2}, desk {deskPnl:F2}"));
        }

        var routable = Routable(stage, written);
        var delivered = await DeliveredAsync(stage, ct);
        var notificationsLost = routable.Where(id => !delivered.ContainsKey(id)).ToList();
        problems.AddRange(notificationsLost.Take(20).Select(id => $"LOST notification {id}: never reached Discord"));
        var postedTwice = stage.Discord.Accepted.Where(a => !stage.Discord.IsReply(a.Key)).Select(a => a.Value).GroupBy(v => v, StringComparer.Ordinal).Sum(g => g.Count() - 1);

        if (tally.Phone.Unanswered > 0)
        {
            problems.Add($"UNANSWERED: {tally.Phone.Unanswered} check(s) from the phone got no reply before the trader gave up asking");
        }

        var crashes = stage.HostCrashes;
        if (crashes > 0)
        {
            problems.Add($"CRASH: {crashes} handler exits or host triggers nobody caused");
        }

        if (!settled)
        {
            problems.Add($"NOT SETTLED within {options.SettleTimeout.TotalSeconds:0} s of the faults stopping");
        }

        // A copy poisoned while its twin did the work is taken out by Reconcile's triage (every 5 simulated minutes),
        // with a log record; what stays in a poison queue is work not done.
        var triage = TimeSpan.FromSeconds((2 * 300 / (double)options.Speed) + 5);
        var poisonQueues = new PoisonQueues(stage.Storage);
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < triage && (await poisonQueues.ReadAsync(ct)).Count > 0;)
        {
            await Task.Delay(1000, ct);
        }

        foreach (var poisoned in await poisonQueues.ReadAsync(ct))
        {
            problems.Add($"POISON: {poisoned.Depth} message(s) in {poisoned.PoisonQueue}, work not done");
        }

        var cleared = (await new TransactionLog(stage.Storage).ReadDayAsync(stage.Market.Now, ct)).Count(e => e["kind"]?.ToString() == "poison-cleared");

        if (!settled)
        {
            foreach (var name in DeskQueues.All)
            {
                var queue = stage.Storage.Queue(name);
                if (await queue.ExistsAsync(ct) && (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount is > 0 and var n)
                {
                    problems.Add($"  still {n} message(s) in {name}");
                }
            }

            problems.AddRange(broker.Orders.Where(o => !FinalAtBroker.Contains(o.Status)).Select(o => $"  broker order {o.ClientOrderId} still {o.Status}"));
        }

        var refusals = log.Where(e => e["kind"]?.ToString() == "risk-rejection" && intents.ContainsKey(e["intentId"]?.ToString() ?? ""))
            .SelectMany(e => (e["codes"] as JsonArray ?? []).Select(c => c?.ToString() ?? "?"))
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        problems.AddRange(kill.Problems());
        var applied = stage.Market.Faults.Applied;
        return new ChaosReport
        {
            Options = options,
            Wall = wall,
            MarketFrom = options.MarketStart ?? ChaosOptions.DefaultMarketStart,
            HandlerKills = tally.HandlerKills,
            AzuriteRestarts = tally.AzuriteRestarts,
            PoisonedDoneElsewhere = cleared,
            StorageCuts = stage.Link.Cuts,
            StorageSevered = stage.Link.Severed,
            StorageRefused = stage.Link.Refused,
            SecondInstanceWindows = tally.SecondInstanceWindows,
            SecondInstanceTime = tally.SecondInstanceTime,
            BrokerFaults = Enum.GetValues<SimulatedFaultKind>().ToDictionary(k => k, k => applied.Count(a => a.Kind == k)),
            DiscordRateLimited = stage.Discord.RateLimited,
            DiscordServerErrors = stage.Discord.ServerErrors,
            Phone = tally.Phone,
            DuplicatedOutputs = stage.Delivery.DuplicatedOutputs,
            Redeliveries = stage.Delivery.Redeliveries,
            DuplicatesByQueue = stage.Delivery.ByQueue,
            Intended = intents.Count,
            IntendedWhileFaulting = intents.Values.Count(i => DateTimeOffset.TryParse(i["barTime"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                && at < (options.MarketStart ?? ChaosOptions.DefaultMarketStart).AddMinutes(options.Minutes)),
            RefusedByRisk = intents.Keys.Count(id => !desk.ContainsKey(id) && refused.Contains(id)),
            RefusalCodes = refusals,
            Placed = parents.Select(p => p.ClientOrderId).Distinct(StringComparer.Ordinal).Count(id => desk.ContainsKey(id)),
            Filled = parents.Count(p => p.FilledQty > 0),
            GivenUp = orders.Count(o => o.Record.Status == OrderStatus.Abandoned),
            Duplicated = duplicated,
            Lost = lost,
            FillMismatches = fillMismatches,
            Symbols = symbols.Count,
            PositionMismatches = positionMismatches.Count,
            PnlDifference = pnlDifference,
            Notifications = routable.Count,
            NotificationsLost = notificationsLost.Count,
            NotificationsPostedTwice = postedTwice,
            HostCrashes = crashes,
            HandlerStarts = stage.HandlerRestarts,
            Settled = settled,
            Kill = kill,
            Problems = problems,
        };
    }

    /// <summary>Ids of the notifications the desk wrote whose route is a webhook (the others go to the log by design).</summary>
    private static List<string> Routable(ChaosStage stage, IEnumerable<(string Queue, string Message)> written)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(stage.Environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();
        var router = new NotificationRouter(DiscordOptions.FromConfiguration(configuration));
        return written.Where(o => o.Queue == DeskQueues.Notifications)
            .Select(o => JsonNode.Parse(o.Message) as JsonObject)
            .Where(j => j?["id"] is not null && NotificationEvents.KindOf(j["event"]?.ToString() ?? "") is { } kind && router.Route(kind).Disposition == NotificationDisposition.Send)
            .Select(j => j!["id"]!.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Notifications the ledger calls delivered AND whose Discord message id Discord really gave out.</summary>
    private static async Task<Dictionary<string, string>> DeliveredAsync(ChaosStage stage, CancellationToken ct)
    {
        var table = stage.Storage.Table(NotificationLedger.TableName);
        var delivered = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "sent", cancellationToken: ct))
            {
                if (row.GetString("State") == "delivered" && row.GetString("MessageId") is { } message && stage.Discord.Accepted.ContainsKey(message))
                {
                    delivered[row.GetString("NotificationId") ?? ""] = message;
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return delivered;
    }
}
