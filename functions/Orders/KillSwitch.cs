using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Broker;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// The trader's brakes. Kill: the flag first (every PlaceOrder reads it, also for intents already queued, and
/// once more right before sending), then every open order cancelled at the broker. Pause: entries stop,
/// exits still pass (REDUCING). Flatten closes every position and is a separate, confirmed action.
/// Each change is written to the transaction log with who made it.
/// </summary>
public sealed class KillSwitch(DeskStateStore state, BrokerClients broker, OrderStore orders, OrderRefresh refresh, TransactionLog log, TimeProvider time)
{
    public async Task<int> EngageAsync(string by, ILogger logger, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await SetAsync(current => current with { KillSwitch = true }, "kill", by, now, ct);
        var cancelled = (await broker.Trading.CancelAllOrdersAsync(ct)).Count;
        cancelled += await SweepInFlightAsync(logger, ct);
        foreach (var open in await orders.ListOpenAsync(ct))
        {
            await refresh.RefreshAsync(open, logger, ct);
        }

        logger.LogWarning("Kill switch engaged by {By}: {Count} broker orders cancelled", by, cancelled);
        return cancelled;
    }

    /// <summary>
    /// A PlaceOrder that read the flag just before it was set may still be sending: its record is Intended or
    /// Submitting. Wait (bounded) until no such record is left, then cancel at the broker again, so an order that
    /// arrives after the switch is cancelled too instead of living on.
    /// </summary>
    private async Task<int> SweepInFlightAsync(ILogger logger, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var sawInFlight = false;
        var since = time.GetUtcNow() - InFlightWindow;
        while (waited.Elapsed < InFlightPatience)
        {
            // Only records touched just now can be a send racing the flag; an older Intended one waits for its
            // message's redelivery, which will read the flag.
            var inFlight = (await orders.ListOpenAsync(ct)).Count(o => o.Record.Status is Domain.Orders.OrderStatus.Intended or Domain.Orders.OrderStatus.Submitting
                && o.Record.UpdatedAt >= since);
            if (inFlight == 0)
            {
                break;
            }

            sawInFlight = true;
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, ct);
        }

        if (!sawInFlight)
        {
            return 0;
        }

        var late = await broker.Trading.CancelAllOrdersAsync(ct);
        logger.LogWarning("Kill switch: {Count} order(s) in flight at the switch cancelled after they reached the broker", late.Count);
        return late.Count;
    }

    /// <summary>How long the kill waits for orders in flight at the switch (a submit's own retries end well before).</summary>
    public static readonly TimeSpan InFlightPatience = TimeSpan.FromSeconds(2);

    /// <summary>How recently (desk clock) a record must have changed to count as a send racing the flag.</summary>
    public static readonly TimeSpan InFlightWindow = TimeSpan.FromSeconds(30);

    public Task ReleaseAsync(string by, CancellationToken ct) =>
        SetAsync(current => current with { KillSwitch = false, TradingEnabled = true }, "resume", by, time.GetUtcNow(), ct);

    public Task PauseEntriesAsync(string by, CancellationToken ct) =>
        SetAsync(current => current with { TradingEnabled = false }, "stop-entries", by, time.GetUtcNow(), ct);

    public async Task<int> FlattenAsync(string by, CancellationToken ct)
    {
        var closing = await broker.Trading.CloseAllPositionsAsync(cancelOrders: true, ct);
        await log.AppendAsync(new JsonObject { ["id"] = $"command:flatten:{time.GetUtcNow().UtcTicks}", ["kind"] = "command", ["command"] = "flatten", ["user"] = by, ["positions"] = closing.Count }, time.GetUtcNow(), ct);
        return closing.Count;
    }

    private async Task SetAsync(Func<DeskFlags, DeskFlags> change, string command, string by, DateTimeOffset now, CancellationToken ct)
    {
        var flags = change(await state.ReadFlagsAsync(ct)) with { ChangedAt = now, ChangedBy = by };
        await state.WriteFlagsAsync(flags, ct);
        await log.AppendAsync(new JsonObject
        {
            ["id"] = $"command:{command}:{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            ["kind"] = "command",
            ["command"] = command,
            ["user"] = by,
            ["killSwitch"] = flags.KillSwitch,
            ["tradingEnabled"] = flags.TradingEnabled,
        }, now, ct);
    }
}
