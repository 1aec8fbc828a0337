using System.Net;
using System.Text;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.NotifyDiscord;

namespace MiniQuantDesk.Tests.Fuzzing;

/// <summary>The inputs the fuzz campaign found crashing the desk, each pinned as a clear refusal.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void A_notification_with_a_duplicate_property_is_refused_not_an_argument_exception()
    {
        var text = """{"kind":"notification","kind":"notification","id":"n1","event":"order-placed","title":"t","text":"x","at":"2025-03-14T14:31:00Z"}""";

        var ex = Assert.Throws<InvalidInvocationException>(() => NotificationMessage.Parse(new QueueTrigger(text, "m1", 1, null)));

        Assert.Contains("kind", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bars":{"SPY":[null]},"next_page_token":null}""", "null bar")]
    [InlineData("""{"bars":{"SPY":null},"next_page_token":null}""", "null instead of the bars of 'SPY'")]
    [InlineData("""{"bars":{"SPY":[{"t":"2025-03-14T14:31:00Z","o":1,"h":1,"l":1,"c":1,"v":1E+28}]},"next_page_token":null}""", "volume out of range")]
    public async Task A_bars_answer_with_a_null_bar_or_an_impossible_volume_is_an_invalid_response(string body, string expected)
    {
        using var http = new HttpClient(new Answer(body));
        var client = new AlpacaMarketDataClient(http, new AlpacaOptions { KeyId = "k", SecretKey = "s", DataBaseUrl = new Uri("http://127.0.0.1/"), MaxRetries = 0 });

        var ex = await Assert.ThrowsAsync<AlpacaException>(() => client.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["SPY"] }));

        Assert.Equal(AlpacaErrorKind.InvalidResponse, ex.Error.Kind);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public void An_order_id_that_cannot_key_a_table_row_is_refused_by_both_order_queues(string id)
    {
        var track = new QueueTrigger(new System.Text.Json.Nodes.JsonObject { ["kind"] = "track-order", ["clientOrderId"] = id, ["attempt"] = "1" }.ToJsonString(), "m", 1, null);
        var intent = new QueueTrigger(new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "order-intent", ["intentId"] = id, ["symbol"] = "SPY", ["side"] = "Buy", ["qty"] = "1", ["type"] = "Market",
            ["barTime"] = "2025-03-14T14:31:00Z", ["referencePrice"] = "561.25",
        }.ToJsonString(), "m", 1, null);

        Assert.Contains("clientOrderId", Assert.Throws<InvalidInvocationException>(() => MiniQuantDesk.Functions.TrackOrder.TrackOrderMessage.Parse(track)).Message, StringComparison.Ordinal);
        Assert.Contains("intentId", Assert.Throws<InvalidInvocationException>(() => MiniQuantDesk.Functions.Orders.OrderIntentMessage.Parse(intent)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAA")]
    [InlineData("SP Y")]
    [InlineData("SPY/")]
    [InlineData("\u00c9")]
    public void An_order_intent_whose_symbol_is_not_a_ticker_is_refused_naming_the_field(string symbol)
    {
        var intent = new QueueTrigger(new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "order-intent", ["intentId"] = "sma-x-1", ["symbol"] = symbol, ["side"] = "Buy", ["qty"] = "1", ["type"] = "Market",
            ["barTime"] = "2025-03-14T14:31:00Z", ["referencePrice"] = "561.25",
        }.ToJsonString(), "m", 1, null);

        Assert.Contains("'symbol'", Assert.Throws<InvalidInvocationException>(() => MiniQuantDesk.Functions.Orders.OrderIntentMessage.Parse(intent)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_simulated_market_waits_out_a_weekend_instead_of_throwing_from_its_timer()
    {
        var epoch = new DateTimeOffset(2025, 3, 14, 21, 0, 0, TimeSpan.Zero);
        var time = new MiniQuantDesk.Adapters.Simulation.SimulatedTimeProvider(new MiniQuantDesk.Adapters.Simulation.SimulatedClock(epoch, epoch, 0.001m), TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        // 3 market days at 1/1000 speed is 259 million real seconds: beyond what a real timer accepts (49.7 days).
        var wait = Task.Delay(TimeSpan.FromDays(3), time, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    private sealed class Answer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
