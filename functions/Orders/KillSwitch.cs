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
        var cancelled = await broker.Trading.CancelAllOrdersAsync(ct);
        foreach (var open in await orders.ListOpenAsync(ct))
        {
            await refresh.RefreshAsync(open, logger, ct);
        }

        logger.LogWarning("Kill switch engaged by {By}: {Count} broker orders cancelled", by, cancelled.Count);
        return cancelled.Count;
    }

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
