using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Simulation.Discord;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// Everything a campaign runs, as <c>desk local</c> would: Azurite with its data on disk, the simulated market, a
/// simulated Discord, and one local Functions host with its handler process — plus, at times, a second instance of
/// the same app (same host id, so timers stay singletons while both compete for queue messages). The campaign pulls
/// the levers here: kill a handler, restart Azurite on the same ports and folder, start or stop the second instance.
/// </summary>
public sealed class ChaosStage : IAsyncDisposable
{
    public const string HostId = "mqd-chaos";
    public const decimal StartingCash = 100_000m;
    private readonly AppRoot _app;
    private readonly ILoggerFactory _loggers;
    private readonly string _work;
    private readonly QueueHostSettings _queues;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _azuriteGate = new(1, 1);
    private int _instances;

    private ChaosStage(AppRoot app, ILoggerFactory loggers, string work, AzuriteProcess azurite, StorageLink link, SimulatedMarket market, SimulatedDiscord discord, ChaosSecrets secrets, IReadOnlyDictionary<string, string> environment, DeliveryFaults delivery)
    {
        _app = app;
        _loggers = loggers;
        _work = work;
        Azurite = azurite;
        Link = link;
        Market = market;
        Discord = discord;
        Secrets = secrets;
        Environment = environment;
        Delivery = delivery;
        Storage = new StorageAccount(new StorageOptions(LinkedConnectionString(azurite, link), null, null));
        _time = new SimulatedTimeProvider(market.Clock, TimeProvider.System);
        // A failed message waits host.json's visibilityTimeout before its next delivery, as in Azure. A shorter wait here
        // (an earlier campaign used 0.5 s) packs five deliveries into a few seconds, so random SIGKILLs poison messages
        // that the production spacing (10 s) would carry through: the campaign would test its own setting, not the desk's.
        _queues = app.Host.Queues with { MaxPollingInterval = TimeSpan.FromMilliseconds(200) };
        _queues = _queues with { InvocationLease = TimeSpan.FromSeconds(30) };
    }

    public AzuriteProcess Azurite { get; private set; }

    /// <summary>The network between every host and handler and Azurite (the campaign's audit reads through it too, after the cuts stop).</summary>
    public StorageLink Link { get; }

    public SimulatedMarket Market { get; }

    public SimulatedDiscord Discord { get; }

    public ChaosSecrets Secrets { get; }

    public StorageAccount Storage { get; }

    public DeliveryFaults Delivery { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Every message a host wrote through an output binding, by queue: the campaign's view of what the desk meant to do.</summary>
    public ConcurrentQueue<(string Queue, string Message)> Outputs { get; } = new();

    public (HandlerProcess Handler, LocalFunctionsHost Host) Primary { get; private set; }

    public (HandlerProcess Handler, LocalFunctionsHost Host)? Secondary { get; private set; }

    /// <summary>Crashes of hosts that were already stopped (a stopped second instance's count is kept here).</summary>
    public int RetiredCrashes { get; private set; }

    /// <summary>Restarts of handlers whose instance was already stopped.</summary>
    public int RetiredRestarts { get; private set; }

    /// <summary>Handler restarts over the whole campaign, stopped second instances included.</summary>
    public int HandlerRestarts => RetiredRestarts + Handlers.Sum(h => h.Restarts);

    public static async Task<ChaosStage> StartAsync(ChaosOptions options, AppRoot app, string work, string discordPublicKey, ILoggerFactory loggers, CancellationToken ct)
    {
        var secrets = ChaosSecrets.For(options.Seed);
        var azurite = await AzuriteProcess.StartAsync(Path.Combine(work, "azurite"), ct: ct);
        var link = StorageLink.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var start = options.MarketStart ?? ChaosOptions.DefaultMarketStart;
        var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions
        {
            Speed = options.Speed,
            MarketStart = start,
            KeyId = secrets.AlpacaKeyId,
            SecretKey = secrets.AlpacaSecretKey,
            FaultSeed = options.Seed,
            StartingCash = StartingCash,
        }, TimeProvider.System, ct);
        var discord = await SimulatedDiscord.StartAsync(options.Seed, ct);
        var url = market.BaseAddress.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = LinkedConnectionString(azurite, link),
            ["Alpaca__TradingBaseUrl"] = url,
            ["Alpaca__DataBaseUrl"] = url,
            ["Alpaca__KeyId"] = secrets.AlpacaKeyId,
            ["Alpaca__SecretKey"] = secrets.AlpacaSecretKey,
            ["Alpaca__AttemptTimeout"] = "00:00:01",
            ["Alpaca__TotalTimeout"] = "00:00:06",
            ["Alpaca__MaxRetries"] = "4",
            ["Alpaca__RetryBaseDelay"] = "00:00:00.050",
            ["Desk__Symbols"] = string.Join(",", market.Symbols),
            // Held invocations must end inside the campaign's 30 s message lease, or a second copy runs beside them.
            ["Desk__StorageOutageHoldSeconds"] = "20",
            ["Risk__MaxOrderNotionalUsd"] = "60000",
            ["Risk__MaxPositionSizeUsd"] = "60000",
            ["Risk__MaxPortfolioExposureUsd"] = "200000",
            // At 60x a restart of a second or two is over a simulated minute: a looser staleness limit lets orders through
            // the faults, so the campaign exercises the order path rather than mostly the staleness guard.
            ["Risk__MaxBarAgeSeconds"] = "600",
            // The twitchy strategies lose often; a desk-wide loss-streak or drawdown lock would then refuse every entry,
            // the kill-switch proof's resting orders included (CI saw it). Protections have their own tests.
            ["Risk__Protections__LossStreakEnabled"] = "false",
            ["Risk__Protections__DrawdownLockEnabled"] = "false",
            ["Discord__ApiBaseUrl"] = discord.ApiBase.ToString(),
            ["Discord__PublicKey"] = discordPublicKey,
            ["Discord__ApplicationId"] = ChaosTrader.ApplicationId,
            ["Discord__AllowedUserIds"] = ChaosTrader.UserId,
            ["Discord__MaxRateLimitWait"] = "00:00:00.100",
            ["Discord__Webhooks__System"] = discord.Webhook("100000000000000001", secrets.WebhookToken("system")).ToString(),
            ["Discord__Webhooks__Trading"] = discord.Webhook("100000000000000002", secrets.WebhookToken("trading")).ToString(),
            ["Discord__Webhooks__Risk"] = discord.Webhook("100000000000000003", secrets.WebhookToken("risk")).ToString(),
            ["Discord__Webhooks__Daily"] = discord.Webhook("100000000000000004", secrets.WebhookToken("daily")).ToString(),
            ["Ml__Models"] = "rule",
            // Twitchy parameters so a short replay makes many orders: the campaign tests the plumbing, not the strategies.
            ["Strategies__SmaCrossover__Fast"] = "2",
            ["Strategies__SmaCrossover__Slow"] = "5",
            ["Strategies__RsiMeanReversion__Oversold"] = "45",
            ["Strategies__RsiMeanReversion__Overbought"] = "55",
            ["Strategies__VwapReversion__EntryDeviationPct"] = "0.02",
            [SimulatedClock.EnvironmentVariable] = market.Clock.Format(),
        };
        var delivery = new DeliveryFaults(options.Seed);
        var stage = new ChaosStage(app, loggers, work, azurite, link, market, discord, secrets, environment, delivery);
        stage.Primary = await stage.StartInstanceAsync(ct);
        return stage;
    }

    public bool SecondaryRunning => Secondary is not null;

    private static string LinkedConnectionString(AzuriteProcess azurite, StorageLink link) =>
        AzuriteProcess.ConnectionStringFor(link.PortFor(azurite.BlobPort), link.PortFor(azurite.QueuePort), link.PortFor(azurite.TablePort));

    public IEnumerable<HandlerProcess> Handlers => Secondary is { } s ? [Primary.Handler, s.Handler] : [Primary.Handler];

    /// <summary>Handler exits nobody asked for, plus host triggers that died on an exception.</summary>
    public int HostCrashes => RetiredCrashes + Primary.Handler.Crashes + Primary.Host.CrashedTriggers
        + (Secondary is { } s ? s.Handler.Crashes + s.Host.CrashedTriggers : 0);

    public async Task StartSecondaryAsync(CancellationToken ct)
    {
        if (Secondary is null)
        {
            Secondary = await StartInstanceAsync(ct);
        }
    }

    public async Task StopSecondaryAsync()
    {
        if (Secondary is { } s)
        {
            Secondary = null;
            await s.Host.DisposeAsync();
            RetiredCrashes += s.Handler.Crashes + s.Host.CrashedTriggers;
            RetiredRestarts += s.Handler.Restarts;
        }
    }

    /// <summary>Stops Azurite (its data stays on disk), leaves storage away for <paramref name="outage"/>, and starts it again on the same ports.</summary>
    public async Task RestartAzuriteAsync(TimeSpan outage, CancellationToken ct)
    {
        await _azuriteGate.WaitAsync(ct);
        try
        {
            var (blob, queue, table) = (Azurite.BlobPort, Azurite.QueuePort, Azurite.TablePort);
            await Azurite.StopAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(outage, ct);
            Azurite = await StartAzuriteAsync(blob, queue, table, ct);
        }
        finally
        {
            _azuriteGate.Release();
        }
    }

    private async Task<AzuriteProcess> StartAzuriteAsync(int blob, int queue, int table, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AzuriteProcess.StartAsync(Path.Combine(_work, "azurite"), blob, queue, table, ct);
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                await Task.Delay(250, ct); // the old process's ports are not free yet
            }
        }
    }

    private async Task<(HandlerProcess, LocalFunctionsHost)> StartInstanceAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _instances);
        var log = Path.Combine(_work, "logs", string.Create(CultureInfo.InvariantCulture, $"handler-{n}.log"));
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var handler = new HandlerProcess(_app, Environment, _loggers.CreateLogger($"Chaos.Instance{n}"), log);
        var host = new LocalFunctionsHost(_app, handler, Storage, _time, _loggers, _queues, HostId, Delivery, (queue, message) => Outputs.Enqueue((queue, message)));
        await host.StartAsync(0, ct);
        return (handler, host);
    }

    public async ValueTask DisposeAsync()
    {
        await StopSecondaryAsync();
        await Primary.Host.DisposeAsync();
        await Discord.DisposeAsync();
        await Market.DisposeAsync();
        await Azurite.StopAsync(TimeSpan.FromSeconds(10));
        await Azurite.DisposeAsync();
        await Link.DisposeAsync();
        _azuriteGate.Dispose();
    }
}
