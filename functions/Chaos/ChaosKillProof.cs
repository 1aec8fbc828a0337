using System.Diagnostics;
using System.Globalization;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The campaign's last act: with limit orders resting at the broker and fresh intents waiting in the queue, the
/// trader sends <c>/kill</c> from Discord and confirms. Measured: the time from the Confirm click to the moment no
/// order is open at the broker. Checked: every order open at the switch is cancelled, no queued intent becomes an
/// order, and any order that was already on its way when the flag flipped is cancelled before it fills.
/// </summary>
public static class ChaosKillProof
{
    private static readonly HashSet<string> Final = new(StringComparer.Ordinal) { "filled", "canceled", "expired", "rejected", "replaced", "done_for_day" };

    public static async Task<KillSwitchFigures> RunAsync(ChaosStage stage, ChaosTrader trader, int seed, CancellationToken ct)
    {
        var market = stage.Market;
        var c = CultureInfo.InvariantCulture;

        // Resting orders, 4 % away from the last close (inside the fat-finger band, far from any fill): a sell limit
        // above for a symbol held (it only shrinks the position), a buy limit below otherwise. Risk may refuse some
        // (a protection lock, buying power, a bar gone stale on a loaded machine): up to three rounds, until one rests.
        var resting = new List<string>();
        var log = new TransactionLog(stage.Storage);
        for (var round = 1; round <= 3 && OpenCount(market, resting) == 0; round++)
        {
            var batch = new List<string>();
            var held = market.State().Positions.Where(p => p.Qty >= 1m).Select(p => p.Symbol).ToHashSet(StringComparer.Ordinal);
            foreach (var symbol in market.Symbols)
            {
                var id = string.Create(c, $"chaos-{seed}-resting-{symbol}-{round}");
                var sell = held.Contains(symbol);
                await EnqueueAsync(stage, Intent(stage, id, symbol, OrderType.Limit, sell ? OrderSide.Sell : OrderSide.Buy, sell ? 1.04m : 0.96m), ct);
                batch.Add(id);
            }

            resting.AddRange(batch);
            await WaitAsync(async () => OpenCount(market, batch) == batch.Count
                || (await log.ReadDayAsync(market.Now, ct)).Count(e => e["kind"]?.ToString() == "risk-rejection" && batch.Contains(e["intentId"]?.ToString() ?? "")) + OpenCount(market, batch) == batch.Count,
                TimeSpan.FromSeconds(20), ct);
        }

        var openAtSwitch = OpenCount(market, resting);

        // Intents still in the queue when the switch flips: market orders that would fill at once.
        var queued = new List<string>();
        var interactions = new Uri(stage.Primary.Host.HttpBaseAddress!, "api/discord/interactions");
        var clock = new Stopwatch();
        var answer = await trader.KillAsync(interactions, () =>
        {
            foreach (var symbol in market.Symbols)
            {
                var id = string.Create(c, $"chaos-{seed}-queued-{symbol}");
                EnqueueAsync(stage, Intent(stage, id, symbol, OrderType.Market, OrderSide.Buy, null), ct).GetAwaiter().GetResult();
                queued.Add(id);
            }

            clock.Start();
        }, ct);
        var answered = clock.Elapsed;

        var state = new DeskStateStore(stage.Storage);
        await WaitAsync(async () => (await state.ReadFlagsAsync(ct)).KillSwitch, TimeSpan.FromSeconds(30), ct);
        var flagged = clock.Elapsed;
        var allCancelled = await WaitAsync(() => market.State().Orders.All(o => Final.Contains(o.Status)), TimeSpan.FromSeconds(60), ct, poll: TimeSpan.FromMilliseconds(20));
        var lastCancel = clock.Elapsed;

        // The kill is done when the trader's phone says so: the answer to the click, or its follow-up if it was deferred.
        const string On = "Kill switch ON";
        var inline = answer.ToJsonString().Contains(On, StringComparison.Ordinal);
        await WaitAsync(() => inline || stage.Discord.Accepted.Values.Any(v => v.Contains(On, StringComparison.Ordinal)), TimeSpan.FromSeconds(60), ct, poll: TimeSpan.FromMilliseconds(20));
        var done = inline ? answered.TotalMilliseconds : clock.Elapsed.TotalMilliseconds;
        var doneAt = market.Now;

        var flags = await state.ReadFlagsAsync(ct);
        var orders = market.State().Orders;
        var afterSwitch = orders.Where(o => flags.ChangedAt is { } at && o.SubmittedAt > at).ToList();
        return new KillSwitchFigures(
            RestingOpenAtSwitch: openAtSwitch,
            RestingCancelled: resting.Count(id => orders.Any(o => o.ClientOrderId == id && o.Status == "canceled")),
            Resting: resting.Count,
            Queued: queued.Count,
            QueuedReachedBroker: queued.Count(id => orders.Any(o => o.ClientOrderId == id && o.SubmittedAt > (flags.ChangedAt ?? DateTimeOffset.MaxValue))),
            ReachedAfterSwitch: afterSwitch.Count,
            LiveAfterSwitch: afterSwitch.Count(o => o.Status != "canceled" || o.FilledQty > 0),
            ReachedAfterDone: orders.Count(o => o.SubmittedAt > doneAt),
            FilledAfterSwitch: afterSwitch.Count(o => o.FilledQty > 0),
            AllCancelled: allCancelled,
            ConfirmAnswered: answered,
            FlagSeen: flagged,
            LastCancel: lastCancel,
            Done: TimeSpan.FromMilliseconds(done));
    }

    private static int OpenCount(Adapters.Simulation.SimulatedMarket market, List<string> ids) =>
        market.State().Orders.Count(o => ids.Contains(o.ClientOrderId) && !Final.Contains(o.Status));

    private static OrderIntent Intent(ChaosStage stage, string id, string symbol, OrderType type, OrderSide side, decimal? limitFraction)
    {
        // The last completed bar, so the intent passes the staleness check as the desk's own would.
        var now = stage.Market.Now;
        var bar = stage.Market.BarsOf(symbol).Last(b => b.Start.AddMinutes(1) <= now);
        var limit = limitFraction is { } f ? Math.Round(bar.Close * f, 2) : (decimal?)null;
        return new OrderIntent(id, symbol, side, 1m, type, limit, bar.Start, "chaos-kill-proof", bar.Close);
    }

    private static async Task EnqueueAsync(ChaosStage stage, OrderIntent intent, CancellationToken ct)
    {
        var queue = stage.Storage.Queue(DeskQueues.OrderIntents);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync(OrderIntentMessage.ToJson(intent).ToJsonString(), ct);
        stage.Outputs.Enqueue((DeskQueues.OrderIntents, OrderIntentMessage.ToJson(intent).ToJsonString()));
    }

    private static Task<bool> WaitAsync(Func<bool> done, TimeSpan within, CancellationToken ct, TimeSpan? poll = null) =>
        WaitAsync(() => Task.FromResult(done()), within, ct, poll);

    private static async Task<bool> WaitAsync(Func<Task<bool>> done, TimeSpan within, CancellationToken ct, TimeSpan? poll = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            try
            {
                if (await done())
                {
                    return true;
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && StorageOutage.Caused(ex))
            {
                // Storage slow to answer right after the faults stopped is not the proof's verdict: look again.
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(50), ct);
        }

        return false;
    }
}

/// <summary>What the kill-switch proof saw; times are from the Confirm click.</summary>
public sealed record KillSwitchFigures(
    int RestingOpenAtSwitch,
    int RestingCancelled,
    int Resting,
    int Queued,
    int QueuedReachedBroker,
    int ReachedAfterSwitch,
    int LiveAfterSwitch,
    int ReachedAfterDone,
    int FilledAfterSwitch,
    bool AllCancelled,
    TimeSpan ConfirmAnswered,
    TimeSpan FlagSeen,
    TimeSpan LastCancel,
    TimeSpan Done)
{
    public IEnumerable<string> Problems()
    {
        if (RestingOpenAtSwitch == 0)
        {
            yield return $"KILL: none of the {Resting} resting orders was open at the broker before the switch (nothing to cancel, nothing proven)";
        }

        if (RestingCancelled < RestingOpenAtSwitch || !AllCancelled)
        {
            yield return $"KILL: {RestingOpenAtSwitch - RestingCancelled} resting order(s) not cancelled; all final: {AllCancelled}";
        }

        // A send that read the flag a moment before it flipped may land after it: it must be cancelled unfilled
        // before /kill reports done, and nothing may land after that.
        if (LiveAfterSwitch > 0 || FilledAfterSwitch > 0 || ReachedAfterDone > 0)
        {
            yield return $"KILL: of {ReachedAfterSwitch} order(s) landing after the flag, {LiveAfterSwitch} not cancelled and {FilledAfterSwitch} filled; {ReachedAfterDone} landed after /kill reported done";
        }
    }
}
