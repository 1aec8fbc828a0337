using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Simulation;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>The trade_updates stream against the simulated market's WebSocket, over real loopback.</summary>
public sealed class TradeUpdatesStreamTests
{
    private static AlpacaOptions Options(SimulatedMarket market, string secret = "s") =>
        new() { KeyId = "k", SecretKey = secret, TradingBaseUrl = market.BaseAddress, DataBaseUrl = market.BaseAddress };

    [Fact]
    public async Task Events_arrive_for_an_order_and_the_stream_reconnects_after_a_drop()
    {
        await using var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { Speed = 120m, KeyId = "k", SecretKey = "s" });
        var stream = new AlpacaTradeUpdatesStream(Options(market), TimeProvider.System, NullLogger.Instance);
        var received = new ConcurrentQueue<TradeUpdate>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = stream.RunAsync((u, _) => { received.Enqueue(u); return Task.CompletedTask; }, stop.Token);
        await Until(() => market.StreamConnections == 1);
        var client = AlpacaTradingClient.Create(Options(market));

        var first = await Submit(client, "stream-a");
        var fill = await Until(() => received.FirstOrDefault(u => u.ClientOrderId == "stream-a" && u.Event == "fill"));
        Assert.Contains(received, u => u.ClientOrderId == "stream-a" && u.Event == "new");
        var execution = Assert.Single(market.State().Fills, f => f.OrderId == first);
        Assert.Equal(execution.Id, fill.ExecutionId);
        Assert.Equal(execution.Price, fill.Price);
        Assert.Equal(5m, fill.Qty);

        market.DropStreams();
        await Until(() => stream.Connects == 2 && market.StreamConnections == 1);
        await Submit(client, "stream-b");
        await Until(() => received.FirstOrDefault(u => u.ClientOrderId == "stream-b" && u.Event == "fill"));

        await stop.CancelAsync();
        await running; // returns, never throws, on cancellation
    }

    [Fact]
    public async Task Wrong_keys_are_refused_and_retried_with_backoff_without_events()
    {
        await using var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { KeyId = "k", SecretKey = "s" });
        var stream = new AlpacaTradeUpdatesStream(Options(market, secret: "wrong"), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await stream.RunAsync((_, _) => throw new InvalidOperationException("no event expected"), stop.Token);

        Assert.Equal(0, stream.Connects);
    }

    [Theory]
    [InlineData("""{"stream":"trade_updates","data":{"event":"fill","execution_id":"x1","price":"271.19","qty":"5","order":{"id":"o1","client_order_id":"c1","symbol":"SPY","status":"filled"}}}""", "fill")]
    [InlineData("""{"stream":"authorization","data":{"status":"authorized"}}""", null)]
    [InlineData("""{"stream":"trade_updates","data":{"event":"fill"}}""", null)]
    [InlineData("""[1,2]""", null)]
    public void Only_complete_trade_updates_parse(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, AlpacaTradeUpdatesStream.Parse(document.RootElement)?.Event);
    }

    private static async Task<string> Submit(AlpacaTradingClient client, string id)
    {
        var result = await client.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "SPY", Qty = 5m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = id });
        return Assert.IsType<SubmitOrderResult.Placed>(result).Order.Id;
    }

    private static async Task Until(Func<bool> condition)
    {
        await Until(() => condition() ? (object?)true : null);
    }

    private static async Task<T> Until<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("condition not met in 30 s");
    }
}
