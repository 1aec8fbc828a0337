using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Research;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Notifications;

namespace MiniQuantDesk.Functions.Hosting;

/// <summary>
/// At start-up: logs the configuration the desk runs with (what the paper record counts sessions by) and, when
/// <c>Alpaca:Mode</c> is Live, holds the paper record of that exact configuration against the live gate
/// (docs/research.md). A failing record stops the start with every failed criterion named (exit 78), unless
/// <c>LiveGate:Override</c> is set: then the desk starts, logs critically, writes <c>live-gate-override</c>
/// to the transaction log and puts a notification on the queue — at every start.
/// </summary>
public sealed class LiveGateService(DeskSettings settings, StorageAccount storage, TransactionLog log, OrderStore orders, BarStore bars, TimeProvider time, ILogger<LiveGateService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var config = new DeskConfiguration(settings.Desk.Strategies, settings.Desk.Symbols, settings.Strategies, settings.Portfolio);
        var live = settings.Alpaca.Mode == AlpacaMode.Live;
        var store = new PaperRecordStore(log, orders, bars);
        var now = time.GetUtcNow();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await store.AppendConfigurationAsync(config, settings.Alpaca.Mode.ToString(), now, timeout.Token);
        }
        catch (Exception ex) when (!live && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not log the desk's configuration {Fingerprint} (the paper record will not count this session): {Error}", config.Fingerprint, ex.Message);
            return;
        }

        if (!live)
        {
            logger.LogInformation("Paper trading with configuration {Fingerprint}", config.Fingerprint);
            return;
        }

        var gate = settings.LiveGate;
        LiveGateVerdict verdict;
        try
        {
            var today = Domain.MarketData.NewYorkTime.SessionDate(now);
            var input = await store.ReadAsync(today.AddDays(-gate.LookbackDays), today, cancellationToken);
            verdict = LiveGate.Evaluate(TrackRecordBuilder.Build(input, gate.RecordOptions), config.Fingerprint, gate, settings.Risk.MaxDrawdownPct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            verdict = new LiveGateVerdict(config.Fingerprint, 0, [new LiveGateFailure(LiveGateCriterion.MinSessions, $"the paper record could not be read: {ex.Message}")]);
        }

        if (verdict.Passed)
        {
            logger.LogWarning("LIVE TRADING with configuration {Fingerprint}: the paper record passes the live gate ({Sessions} sessions)", config.Fingerprint, verdict.Sessions);
            return;
        }

        if (!gate.Override)
        {
            throw new SettingsException([
                $"Live trading refused: the paper record of configuration {config.Fingerprint} fails the live gate (see docs/research.md; set Alpaca:Mode=Paper, or LiveGate:Override=true to start anyway):",
                .. verdict.Failures.Select(f => "  - " + f.Reason)]);
        }

        var text = string.Join("; ", verdict.Failures.Select(f => f.Reason));
        logger.LogCritical("LIVE GATE OVERRIDDEN: trading real money with configuration {Fingerprint} although the paper record fails: {Failures}", config.Fingerprint, text);
        await store.AppendOverrideAsync(verdict, now, cancellationToken);
        var notification = new Notification($"live-gate-override:{config.Fingerprint}:{now.UtcTicks}", "live-gate-override",
            "LIVE GATE OVERRIDDEN: trading real money", $"configuration {config.Fingerprint} started live although its paper record fails: {text}", now);
        var queue = storage.Queue(DeskQueues.Notifications);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(notification.ToJson().ToJsonString(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
