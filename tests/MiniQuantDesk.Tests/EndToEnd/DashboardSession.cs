using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// One replayed session for the dashboard tests: Azurite, the simulated market (with distinctive keys, so a test
/// can look for them in what the browser receives), the real handler under the local host, and headless Chromium.
/// The session starts at 15:05 New York time and runs past the close at 120×, holding positions overnight
/// (no flattening) so that after the close there is a still picture to compare to the cent.
/// </summary>
public sealed class DashboardSession : IAsyncLifetime
{
    public const string Collection = "Dashboard session";

    public const string KeyId = "PKDASHTEST7Q2ZK4N8WXJ";
    public const string SecretKey = "dashSecret-9fQ2mZ7xLk4vR8tW1yN6bH3cJ5dP0sAe";
    public static readonly DateTimeOffset MarketStart = new(2019, 2, 12, 20, 5, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Close = new(2019, 2, 12, 21, 0, 0, TimeSpan.Zero);

    private AzuriteProcess? _azurite;
    private LocalFunctionsHost? _host;
    private IPlaywright? _playwright;

    public SimulatedMarket Market { get; private set; } = null!;

    public StorageAccount Storage { get; private set; } = null!;

    public string ConnectionString => _azurite!.ConnectionString;

    public Uri BaseAddress => _host!.HttpBaseAddress!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long Chromium took to start (reported by the tests).</summary>
    public TimeSpan BrowserStart { get; private set; }

    public async Task InitializeAsync()
    {
        // The browser first: without one there is nothing to test, and the message says how to get it.
        var started = System.Diagnostics.Stopwatch.StartNew();
        _playwright = await Playwright.CreateAsync();
        Browser = await DashboardBrowser.LaunchAsync(_playwright);
        BrowserStart = started.Elapsed;

        _azurite = await AzuriteProcess.StartAsync();
        Storage = new StorageAccount(new StorageOptions(_azurite.ConnectionString, null, null), TimeSpan.FromSeconds(5));
        Market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { Speed = 120m, KeyId = KeyId, SecretKey = SecretKey, MarketStart = MarketStart });
        var url = Market.BaseAddress.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Alpaca__TradingBaseUrl"] = url,
            ["Alpaca__DataBaseUrl"] = url,
            ["Alpaca__KeyId"] = KeyId,
            ["Alpaca__SecretKey"] = SecretKey,
            ["Desk__Symbols"] = "SPY,QQQ,AAPL",
            ["Risk__MaxOrderNotionalUsd"] = "60000",
            ["Risk__MaxPositionSizeUsd"] = "60000",
            ["Risk__MaxPortfolioExposureUsd"] = "200000",
            ["Portfolio__FlattenAtSessionClose"] = "false",
            // At 120x a simulated minute lasts half a second: BarPoll's bars can be a few simulated minutes old
            // by the time the test's own intent is checked.
            ["Risk__MaxBarAgeSeconds"] = "900",
            [SimulatedClock.EnvironmentVariable] = Market.Clock.Format(),
        };
        var app = AppRoot.Load(AppContext.BaseDirectory);
        var handler = new HandlerProcess(app, environment, NullLogger.Instance);
        var queues = app.Host.Queues with { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.FromMilliseconds(200) };
        _host = new LocalFunctionsHost(app, handler, Storage, new SimulatedTimeProvider(Market.Clock, TimeProvider.System), NullLoggerFactory.Instance, queues, hostId: "dash-" + Guid.NewGuid().ToString("N")[..8]);
        await _host.StartAsync(0, CancellationToken.None);
    }

    /// <summary>Every configured secret: none may ever reach the browser.</summary>
    public IReadOnlyList<string> Secrets => [KeyId, SecretKey, AzuriteProcess.AccountKey, ConnectionString];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Market is not null)
        {
            await Market.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>The dashboard's test classes share one session (and one browser).</summary>
[CollectionDefinition(DashboardSession.Collection, DisableParallelization = true)]
public sealed class DashboardSessionCollection : ICollectionFixture<DashboardSession>;
