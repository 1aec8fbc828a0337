using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

/// <summary>
/// A simulated market on a FakeTimeProvider (the "real" clock, moved only by the test) with the real Alpaca clients
/// and a raw HttpClient pointed at it. The market starts at the bundled session's open, 2019-02-12 09:30 ET, at 60×.
/// </summary>
public sealed class SimHarness : IAsyncDisposable
{
    public const string KeyId = "PKSIMTEST";
    public const string SecretKey = "sim-secret";
    public static readonly DateTimeOffset RealStart = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    /// <summary>09:30 ET on 2019-02-12 (EST, UTC-5).</summary>
    public static readonly DateTimeOffset Open = new(2019, 2, 12, 14, 30, 0, TimeSpan.Zero);

    private SimHarness(FakeTimeProvider time, SimulatedMarket market, AlpacaOptions clientOptions)
    {
        Time = time;
        Market = market;
        ClientOptions = clientOptions;
        Trading = AlpacaTradingClient.Create(clientOptions);
        Data = AlpacaMarketDataClient.Create(clientOptions);
        Raw = RawClient(market.BaseAddress);
    }

    public FakeTimeProvider Time { get; }
    public SimulatedMarket Market { get; }
    public AlpacaOptions ClientOptions { get; }
    public AlpacaTradingClient Trading { get; }
    public AlpacaMarketDataClient Data { get; }
    public HttpClient Raw { get; }

    public static async Task<SimHarness> StartAsync(Action<SimulatedMarketOptions>? configure = null, Action<AlpacaOptions>? configureClient = null)
    {
        var time = new FakeTimeProvider(RealStart);
        var options = new SimulatedMarketOptions { Speed = 60m };
        configure?.Invoke(options);
        var market = await SimulatedMarket.StartAsync(options, time);
        var clientOptions = new AlpacaOptions
        {
            KeyId = KeyId,
            SecretKey = SecretKey,
            TradingBaseUrl = market.BaseAddress,
            DataBaseUrl = market.BaseAddress,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 0,
            RetryBaseDelay = TimeSpan.Zero,
        };
        configureClient?.Invoke(clientOptions);
        return new SimHarness(time, market, clientOptions);
    }

    public static HttpClient RawClient(Uri baseAddress, string keyId = KeyId, string secret = SecretKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (keyId.Length > 0)
        {
            http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", keyId);
            http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", secret);
        }

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    /// <summary>Moves the real (fake) clock so that the simulated clock reads <paramref name="sinceOpen"/> after 09:30 ET.</summary>
    public void MarketAt(TimeSpan sinceOpen) => Time.SetUtcNow(Market.Clock.RealInstantOf(Open + sinceOpen));

    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>The test's own copy of the 2019-02-12 bars (Fixtures/bars/1min), independent of the adapter's embedded copy.</summary>
    public static IReadOnlyList<Bar> FixtureBars(string symbol)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bars", "1min", symbol + ".csv"));
        var result = BarCsvReader.Parse(text, symbol);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Bars.Where(b => NewYorkTime.SessionDate(b.Start) == new DateOnly(2019, 2, 12)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await Market.DisposeAsync();
    }
}
