using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// The desk under fuzz, as <c>desk local</c> runs it: the real handler process behind the local Functions host, on
/// Azurite, trading the simulated market, with Discord configured for the published test key. The market clock runs
/// at a thousandth of real time so no timer fires during the campaign: every state change comes from an input.
/// </summary>
public sealed class FuzzDesk : IAsyncDisposable
{
    private readonly AzuriteProcess? _ownAzurite;

    private FuzzDesk(AzuriteProcess? ownAzurite, SimulatedMarket market, LocalFunctionsHost host, HandlerProcess handler, StorageAccount storage)
    {
        _ownAzurite = ownAzurite;
        Market = market;
        Host = host;
        Handler = handler;
        Storage = storage;
    }

    public SimulatedMarket Market { get; }

    public LocalFunctionsHost Host { get; }

    public HandlerProcess Handler { get; }

    public StorageAccount Storage { get; }

    public AppRoot App { get; } = AppRoot.Load(AppContext.BaseDirectory);

    /// <summary>Starts the desk on the given storage, or on a fresh in-memory Azurite when none is given.</summary>
    public static async Task<FuzzDesk> StartAsync(string? storageConnection, ILogger? logger, CancellationToken ct)
    {
        AzuriteProcess? azurite = null;
        if (storageConnection is null)
        {
            azurite = await AzuriteProcess.StartAsync(ct: ct);
            storageConnection = azurite.ConnectionString;
        }

        var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { Speed = 0.001m, KeyId = "k", SecretKey = "s" });
        var url = market.BaseAddress.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storageConnection,
            ["Alpaca__TradingBaseUrl"] = url,
            ["Alpaca__DataBaseUrl"] = url,
            ["Alpaca__KeyId"] = "k",
            ["Alpaca__SecretKey"] = "s",
            ["Desk__Symbols"] = "SPY,QQQ,AAPL",
            ["Discord__PublicKey"] = InteractionInputs.PublicKey,
            ["Discord__ApplicationId"] = InteractionInputs.ApplicationId,
            ["Discord__AllowedUserIds"] = InteractionInputs.Trader,
            ["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10/", // follow-ups fail fast: nothing listens there
            ["Discord__MaxRetries"] = "0",
            ["Discord__AttemptTimeout"] = "00:00:01",
            [SimulatedClock.EnvironmentVariable] = market.Clock.Format(),
            ["Logging__LogLevel__Default"] = "Error", // a refused input is logged as a warning: thousands of them
        };
        var app = AppRoot.Load(AppContext.BaseDirectory);
        var storage = new StorageAccount(new StorageOptions(storageConnection, null, null), TimeSpan.FromSeconds(5));
        var handler = new HandlerProcess(app, environment, logger ?? NullLogger.Instance);
        var queues = app.Host.Queues with { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromMilliseconds(200) };
        var host = new LocalFunctionsHost(app, handler, storage, new SimulatedTimeProvider(market.Clock, TimeProvider.System), NullLoggerFactory.Instance, queues, hostId: "fuzz-" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync(0, ct);
        return new FuzzDesk(azurite, market, host, handler, storage);
    }

    public Uri Api(string pathAndQuery) => new(Host.HttpBaseAddress!, "api/" + pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Market.DisposeAsync();
        if (_ownAzurite is not null)
        {
            await _ownAzurite.DisposeAsync();
        }
    }
}
