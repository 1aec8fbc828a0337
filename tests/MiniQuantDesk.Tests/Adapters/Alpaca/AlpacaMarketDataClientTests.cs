using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

public sealed class AlpacaMarketDataClientTests : IAsyncLifetime
{
    private LoopbackAlpacaServer server = null!;
    private AlpacaMarketDataClient client = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackAlpacaServer.StartAsync();
        client = AlpacaMarketDataClient.Create(AlpacaTestSetup.Options(server));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static AlpacaBarsRequest Request() => new()
    {
        Symbols = ["AAPL", "MSFT"],
        Timeframe = "1Min",
        Start = new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5)),
        End = new DateTimeOffset(2024, 3, 4, 14, 33, 0, TimeSpan.Zero),
        Limit = 3,
        Adjustment = "raw",
    };

    [Fact]
    public async Task Bars_follow_next_page_token_and_merge_per_symbol()
    {
        server.On("GET", "/v2/stocks/bars", Reply.Fixture(200, "bars-page1.json"), Reply.Fixture(200, "bars-page2.json"));

        var bars = await client.GetBarsAsync(Request());

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        var first = requests[0].Query;
        Assert.Equal("AAPL,MSFT", first["symbols"]);
        Assert.Equal("1Min", first["timeframe"]);
        Assert.Equal("2024-03-04T14:30:00Z", first["start"]);
        Assert.Equal("2024-03-04T14:33:00Z", first["end"]);
        Assert.Equal("3", first["limit"]);
        Assert.Equal("raw", first["adjustment"]);
        Assert.Equal("iex", first["feed"]);
        Assert.False(first.ContainsKey("page_token"));
        Assert.Equal("QUFQTHxNfDIwMjQtMDMtMDRUMTQ6MzE6MDAuMDAwMDAwMDAwWg==", requests[1].Query["page_token"]);
        Assert.Equal("AAPL,MSFT", requests[1].Query["symbols"]);

        Assert.Equal(
            [new TimeSpan(14, 30, 0), new TimeSpan(14, 31, 0), new TimeSpan(14, 32, 0)],
            bars["AAPL"].Select(b => b.Start.TimeOfDay));
        Assert.Single(bars["MSFT"]);
    }

    [Fact]
    public async Task Bar_numbers_read_as_exact_decimals_and_map_to_the_domain_bar()
    {
        server.On("GET", "/v2/stocks/bars", Reply.Fixture(200, "bars-page2.json"));

        var bars = await client.GetBarsAsync(Request());

        var msft = Assert.Single(bars["MSFT"]);
        Assert.Equal(414.2m, msft.Open);
        Assert.Equal(414.9m, msft.High);
        Assert.Equal(413.8m, msft.Low);
        Assert.Equal(414.55m, msft.Close);
        Assert.Equal(18211m, msft.Volume);
        Assert.Equal(301, msft.TradeCount);
        Assert.Equal(414.37m, msft.Vwap);
        Assert.Equal(
            new Bar("MSFT", new DateTimeOffset(2024, 3, 4, 14, 30, 0, TimeSpan.Zero), 414.2m, 414.9m, 413.8m, 414.55m, 18211),
            msft.ToBar("MSFT"));
    }

    [Fact]
    public async Task The_feed_can_be_chosen_per_request()
    {
        server.On("GET", "/v2/stocks/bars", Reply.Json(200, """{"bars":{},"next_page_token":null}"""));

        var bars = await client.GetBarsAsync(Request() with { Feed = AlpacaDataFeed.Sip });

        Assert.Equal("sip", Assert.Single(server.Requests).Query["feed"]);
        Assert.Empty(bars);
    }

    [Fact]
    public async Task A_server_repeating_its_page_token_is_stopped_with_a_typed_error()
    {
        server.On("GET", "/v2/stocks/bars", Reply.Fixture(200, "bars-page1.json"));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetBarsAsync(Request()));

        Assert.Equal(AlpacaErrorKind.InvalidResponse, thrown.Kind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_subscription_403_keeps_the_message()
    {
        server.On("GET", "/v2/stocks/bars", Reply.Json(403, """{"message":"subscription does not permit querying recent SIP data"}"""));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetBarsAsync(Request()));

        Assert.Equal(AlpacaErrorKind.Forbidden, thrown.Kind);
        Assert.Equal("subscription does not permit querying recent SIP data", thrown.Error.Message);
    }

    [Fact]
    public async Task Latest_quotes_for_several_symbols()
    {
        server.On("GET", "/v2/stocks/quotes/latest", Reply.Fixture(200, "quotes-latest.json"));

        var quotes = await client.GetLatestQuotesAsync(["AAPL", "TSLA"]);

        var sent = Assert.Single(server.Requests).Query;
        Assert.Equal("AAPL,TSLA", sent["symbols"]);
        Assert.Equal("iex", sent["feed"]);
        Assert.Equal(156.47m, quotes["AAPL"].AskPrice);
        Assert.Equal(156.45m, quotes["AAPL"].BidPrice);
        Assert.Equal(3m, quotes["AAPL"].AskSize);
        Assert.Equal(["R"], quotes["AAPL"].Conditions!);
        Assert.Equal(850m, quotes["TSLA"].AskPrice);
        // 2022-03-11T18:40:13.514830169Z: nanoseconds beyond .NET's 100 ns tick are dropped, not rounded up.
        Assert.Equal(new DateTimeOffset(2022, 3, 11, 18, 40, 13, TimeSpan.Zero).AddTicks(5148301), quotes["AAPL"].Timestamp);
    }
}
