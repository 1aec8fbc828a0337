using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Simulation.Faults;
using MiniQuantDesk.Functions.Diagnostics;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// A replayed session with faults at random points chosen by the seed, then a quiet spell for the desk to settle,
/// then the audit: the broker's orders and positions against the desk's, the notifications against Discord's.
/// </summary>
public static class ChaosCampaign
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static async Task<ChaosReport> RunAsync(ChaosOptions options, AppRoot app, string work, ILoggerFactory loggers, Action<string> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var wall = Stopwatch.StartNew();
        var tally = new ChaosTally();
        using var trader = new ChaosTrader(options.Seed);
        ChaosReport report;
        var stage = await ChaosStage.StartAsync(options, app, work, trader.PublicKey, loggers, ct);
        try
        {
            report = await RunOnStageAsync(stage, trader, options, tally, wall, loggers, progress, ct);
        }
        finally
        {
            await stage.DisposeAsync();
        }

        // After Azurite's orderly stop its files hold every record; the handlers' and host's logs are complete too.
        var scan = SecretScan.Run(work, stage.Secrets.Labelled);
        progress($"secrets scan: {scan.Files} files, {scan.Bytes / 1024} KiB (logs and Azurite's stored records), {scan.Hits.Count} hit(s)");
        return report with
        {
            SecretScan = scan,
            Problems = [.. report.Problems, .. scan.Hits.Select(h => $"SECRET: {h.Label} ({h.Form}) in {h.File} at byte {h.Offset}")],
        };
    }

    private static async Task<ChaosReport> RunOnStageAsync(ChaosStage stage, ChaosTrader trader, ChaosOptions options, ChaosTally tally, Stopwatch wall, ILoggerFactory loggers, Action<string> progress, CancellationToken ct)
    {
        var start = stage.Market.Now;
        var end = start.AddMinutes(options.Minutes);
        progress($"desk up in {wall.Elapsed.TotalSeconds:0.0} s: market {start:HH:mm}Z → {end:HH:mm}Z at {options.Speed}x, Azurite {stage.Azurite.BlobPort}/{stage.Azurite.QueuePort}/{stage.Azurite.TablePort}");

        Arm(stage, options);
        var levers = loggers.CreateLogger("Chaos");
        var phone = new ChaosPhone(stage, trader);
        await InjectUntilAsync(stage, options, tally, phone, end, message => { levers.LogWarning("{Message}", message); progress(message); }, ct);
        progress($"faults stop at {stage.Market.Now:HH:mm:ss}Z after {wall.Elapsed.TotalSeconds:0} s; the phone's last checks, resting orders and queued intents, then /kill from Discord");
        await DisarmAsync(stage);
        tally.Phone = await phone.FinishAsync();
        var kill = await ChaosKillProof.RunAsync(stage, trader, options.Seed, ct);
        progress($"kill switch: Confirm answered in {kill.ConfirmAnswered.TotalMilliseconds:0} ms, last open order cancelled {kill.LastCancel.TotalMilliseconds:0} ms after the click; the desk settles");
        var settled = await SettleAsync(stage, options.SettleTimeout, ct);
        return await ChaosAudit.BuildAsync(stage, options, tally, kill, settled, wall.Elapsed, ct);
    }

    private static void Arm(ChaosStage stage, ChaosOptions options)
    {
        if (options.BrokerFaultRate > 0)
        {
            // Four kinds tried in turn, each with probability q, hit a request with 1 − (1 − q)^4 = the rate.
            var each = 1 - Math.Pow(1 - options.BrokerFaultRate, 0.25);
            foreach (var kind in new[] { SimulatedFaultKind.RateLimit, SimulatedFaultKind.ServerError, SimulatedFaultKind.Slow, SimulatedFaultKind.Drop })
            {
                stage.Market.Faults.Inject(new SimulatedFault { Kind = kind, Probability = each, Delay = TimeSpan.FromSeconds(2), RateLimitReset = TimeSpan.FromSeconds(1) });
            }
        }

        stage.Discord.RateLimitProbability = options.DiscordFaultRate / 2;
        stage.Discord.ServerErrorProbability = options.DiscordFaultRate / 2;
        stage.Discord.Down = options.DiscordDown;
        stage.Delivery.DuplicateOutputProbability = options.DuplicateRate;
        stage.Delivery.RedeliveryProbability = options.DuplicateRate;
    }

    private static async Task InjectUntilAsync(ChaosStage stage, ChaosOptions options, ChaosTally tally, ChaosPhone phone, DateTimeOffset end, Action<string> progress, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        var perTick = Tick.TotalMinutes;
        Task azurite = Task.CompletedTask;
        Task instance = Task.CompletedTask;
        var secondSince = (DateTimeOffset?)null;
        var lastReport = Stopwatch.StartNew();
        while (stage.Market.Now < end)
        {
            await Task.Delay(Tick, ct);
            if (random.NextDouble() < options.HandlerKillsPerMinute * perTick)
            {
                var handlers = stage.Handlers.ToList();
                var victim = handlers[random.Next(handlers.Count)];
                if (victim.ProcessId is not null)
                {
                    victim.Kill();
                    tally.Killed();
                }
            }

            if (azurite.IsCompleted && random.NextDouble() < options.AzuriteRestartsPerMinute * perTick)
            {
                await Observe(azurite, progress);
                var longest = (int)options.AzuriteOutageMax.TotalMilliseconds;
                var outage = TimeSpan.FromMilliseconds((longest / 10) + random.Next(longest - (longest / 10)));
                azurite = Task.Run(async () => { await stage.RestartAzuriteAsync(outage, ct); tally.AzuriteRestarted(); }, ct);
            }

            if (random.NextDouble() < options.StorageCutsPerMinute * perTick)
            {
                stage.Link.Cut(TimeSpan.FromMilliseconds(random.NextDouble() * options.StorageCutMax.TotalMilliseconds));
            }

            // With Discord down the trader cannot send commands at all; the phone stays in the pocket.
            if (!options.DiscordDown && random.NextDouble() < options.PhoneChecksPerMinute * perTick)
            {
                phone.Check(random.Next(), ct);
            }

            if (instance.IsCompleted && random.NextDouble() < options.SecondInstanceSwitchesPerMinute * perTick)
            {
                await Observe(instance, progress);
                if (stage.SecondaryRunning)
                {
                    tally.SecondInstanceTime += DateTimeOffset.UtcNow - secondSince!.Value;
                    instance = stage.StopSecondaryAsync();
                }
                else
                {
                    secondSince = DateTimeOffset.UtcNow;
                    tally.InstanceStarted();
                    instance = stage.StartSecondaryAsync(ct);
                }
            }

            if (lastReport.Elapsed >= TimeSpan.FromSeconds(15))
            {
                lastReport.Restart();
                progress($"  {stage.Market.Now:HH:mm}Z: {tally.HandlerKills} kills, {tally.AzuriteRestarts} Azurite restarts, {stage.Link.Cuts} storage cuts, {tally.SecondInstanceWindows} second-instance windows, {stage.Market.Faults.Applied.Count} broker faults, {stage.Discord.RateLimited + stage.Discord.ServerErrors} Discord faults, {stage.Delivery.DuplicatedOutputs + stage.Delivery.Redeliveries} duplicates");
            }
        }

        await Observe(azurite, progress);
        await Observe(instance, progress);
        if (secondSince is { } since && stage.SecondaryRunning)
        {
            tally.SecondInstanceTime += DateTimeOffset.UtcNow - since;
        }
    }

    private static async Task Observe(Task lever, Action<string> progress)
    {
        try
        {
            await lever;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            progress($"  a fault lever failed: {ex.GetType().Name}: {ex.Message} at {ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("MiniQuantDesk", StringComparison.Ordinal))?.Trim()}");
        }
    }

    /// <summary>Faults off, one instance, Discord back (the kill switch then halts new entries, so the end is a fixed point to compare).</summary>
    private static async Task DisarmAsync(ChaosStage stage)
    {
        stage.Market.Faults.Clear();
        stage.Discord.RateLimitProbability = 0;
        stage.Discord.ServerErrorProbability = 0;
        stage.Discord.Down = false;
        stage.Delivery.DuplicateOutputProbability = 0;
        stage.Delivery.RedeliveryProbability = 0;
        await stage.StopSecondaryAsync();
    }

    /// <summary>Waits until every queue is empty, every order is final at the desk and at the broker, and every notification is delivered.</summary>
    private static async Task<bool> SettleAsync(ChaosStage stage, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await ChaosAudit.IsSettledAsync(stage, ct))
            {
                return true;
            }

            await Task.Delay(500, ct);
        }

        return false;
    }
}
