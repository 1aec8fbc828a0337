using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Support;

/// <summary>
/// The whole desk as `desk local` runs it: the real handler process under the local host, on a real Azurite,
/// trading a simulated market that replays real bars on a fast clock shared with the handler.
/// </summary>
public sealed class DeskUnderTest : IAsyncDisposable
{
    private DeskUnderTest(SimulatedMarket market, LocalFunctionsHost host, HandlerProcess handler, StorageAccount storage)
    {
        Market = market;
        Host = host;
        Handler = handler;
        Storage = storage;
    }

    public SimulatedMarket Market { get; }

    public LocalFunctionsHost Host { get; }

    public HandlerProcess Handler { get; }

    public StorageAccount Storage { get; }

    public static async Task<DeskUnderTest> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? extra = null, decimal speed = 60m, DateTimeOffset? marketStart = null)
    {
        var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { Speed = speed, KeyId = "k", SecretKey = "s", MarketStart = marketStart });
        var url = market.BaseAddress.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alpaca__TradingBaseUrl"] = url,
            ["Alpaca__DataBaseUrl"] = url,
            ["Alpaca__KeyId"] = "k",
            ["Alpaca__SecretKey"] = "s",
            ["Desk__Symbols"] = "SPY,QQQ,AAPL",
            [SimulatedClock.EnvironmentVariable] = market.Clock.Format(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var app = AppRoot.Load(AppContext.BaseDirectory);
        var storage = azurite.Storage();
        var handler = new HandlerProcess(app, environment, NullLogger.Instance);
        var queues = app.Host.Queues with { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromMilliseconds(200) };
        var host = new LocalFunctionsHost(app, handler, storage, new SimulatedTimeProvider(market.Clock, TimeProvider.System), NullLoggerFactory.Instance, queues, hostId: "e2e-" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync(0, CancellationToken.None);
        return new DeskUnderTest(market, host, handler, storage);
    }

    public async Task EnqueueAsync(string queue, string message)
    {
        await Storage.Queue(queue).CreateIfNotExistsAsync();
        await Storage.Queue(queue).SendMessageAsync(message);
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{what} did not happen within {within.TotalSeconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Market.DisposeAsync();
    }
}
