using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>Account, clock, calendar, positions and fills against the loopback Alpaca.</summary>
public sealed class AlpacaAccountTests : IAsyncLifetime
{
    private LoopbackAlpacaServer server = null!;
    private AlpacaTradingClient client = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackAlpacaServer.StartAsync();
        client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Every_request_carries_the_two_key_headers_and_nothing_else_for_auth()
    {
        server.On("GET", "/v2/account", Reply.Fixture(200, "account.json"));

        await client.GetAccountAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal(AlpacaTestSetup.KeyId, request.Headers["APCA-API-KEY-ID"]);
        Assert.Equal(AlpacaTestSetup.SecretKey, request.Headers["APCA-API-SECRET-KEY"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Account_money_arrives_as_strings_and_reads_as_exact_decimals()
    {
        server.On("GET", "/v2/account", Reply.Fixture(200, "account.json"));

        var account = await client.GetAccountAsync();

        Assert.Equal("ACTIVE", account.Status);
        Assert.Equal(40000.00m, account.Cash);
        Assert.Equal(101000.00m, account.Equity);
        Assert.Equal(100000.00m, account.LastEquity);
        Assert.Equal(80000.00m, account.BuyingPower);
        Assert.Equal(2m, account.Multiplier);
        // equity = cash + long_market_value + short_market_value (spec §3): 40000 + 61000 + 0.
        Assert.Equal(account.Cash + account.LongMarketValue + account.ShortMarketValue, account.Equity);
        Assert.True(account.TradingAllowed);
        Assert.Equal(new DateTimeOffset(2019, 6, 12, 22, 47, 7, TimeSpan.Zero).AddTicks(9965800), account.CreatedAt);
    }

    [Fact]
    public async Task Clock_times_keep_their_eastern_offset()
    {
        server.On("GET", "/v2/clock", Reply.Fixture(200, "clock.json"));

        var clock = await client.GetClockAsync();

        Assert.True(clock.IsOpen);
        Assert.Equal(TimeSpan.FromHours(-5), clock.NextClose.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 21, 0, 0, TimeSpan.Zero), clock.NextClose.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 15, 15, 22, 500, TimeSpan.Zero), clock.Timestamp.ToUniversalTime());
    }

    [Fact]
    public async Task Calendar_sends_inclusive_dates_and_reads_wall_clock_times()
    {
        server.On("GET", "/v2/calendar", Reply.Fixture(200, "calendar.json"));

        var days = await client.GetCalendarAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 11, 30));

        var request = Assert.Single(server.Requests);
        Assert.Equal("2024-03-01", request.Query["start"]);
        Assert.Equal("2024-11-30", request.Query["end"]);
        Assert.Equal(2, days.Count);
        Assert.Equal(new DateOnly(2024, 3, 4), days[0].Date);
        Assert.Equal(new TimeOnly(9, 30), days[0].Open);
        Assert.Equal(new TimeOnly(16, 0), days[0].Close);
        Assert.Equal(new TimeOnly(13, 0), days[1].Close);
        Assert.Equal("0400", days[0].SessionOpen);
    }

    [Fact]
    public async Task Positions_list_reads_longs_and_shorts()
    {
        server.On("GET", "/v2/positions", Reply.Fixture(200, "positions.json"));

        var positions = await client.ListPositionsAsync();

        Assert.Equal(2, positions.Count);
        var aapl = positions[0];
        Assert.Equal(10m, aapl.Qty);
        Assert.Equal(175.0312m, aapl.AvgEntryPrice);
        Assert.Equal(0.0067348m, aapl.UnrealizedPlpc);
        // cost_basis = qty × avg_entry_price: 10 × 175.0312 = 1750.312.
        Assert.Equal(aapl.Qty * aapl.AvgEntryPrice, aapl.CostBasis);
        Assert.Equal("short", positions[1].Side);
        Assert.Equal(-5m, positions[1].Qty);
        Assert.Equal(-600.0m, positions[1].MarketValue);
    }

    [Fact]
    public async Task A_flat_symbol_is_null_not_an_error()
    {
        server.On("GET", "/v2/positions/MSFT", Reply.Fixture(404, "error-404-order.json"));

        Assert.Null(await client.GetPositionAsync("MSFT"));
    }

    [Fact]
    public async Task Closing_part_of_a_position_sends_qty_and_returns_the_closing_order()
    {
        server.On("DELETE", "/v2/positions/AAPL", Reply.Fixture(200, "order-accepted.json"));

        var order = await client.ClosePositionAsync("AAPL", qty: 2.5m);

        Assert.Equal("2.5", Assert.Single(server.Requests).Query["qty"]);
        Assert.Equal("61e69015-8549-4bfd-b9c3-01e75843f47d", order.Id);
    }

    [Fact]
    public async Task Close_all_reads_the_207_including_a_refused_symbol()
    {
        server.On("DELETE", "/v2/positions", Reply.Fixture(207, "close-all-207.json"));

        var results = await client.CloseAllPositionsAsync(cancelOrders: true);

        Assert.Equal("true", Assert.Single(server.Requests).Query["cancel_orders"]);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].Accepted);
        Assert.Equal("AAPL", results[0].Symbol);
        Assert.Equal(2m, results[0].Order!.Qty);
        Assert.False(results[1].Accepted);
        Assert.Equal(AlpacaErrorKind.Forbidden, results[1].Error!.Kind);
        Assert.Equal(40310000, results[1].Error!.Code);
        Assert.StartsWith("insufficient qty available", results[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fill_activities_page_by_the_last_id_until_a_short_page()
    {
        server.On("GET", "/v2/account/activities/FILL", Reply.Fixture(200, "fills-page1.json"), Reply.Fixture(200, "fills-page2.json"));
        var after = new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

        var fills = await client.GetFillActivitiesAsync(after: after, pageSize: 2);

        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("2024-03-04T00:00:00Z", requests[0].Query["after"]);
        Assert.Equal("2", requests[0].Query["page_size"]);
        Assert.Equal("asc", requests[0].Query["direction"]);
        Assert.False(requests[0].Query.ContainsKey("page_token"));
        Assert.Equal("20240304143103250::6f1c2a9e-1111-4c1d-9b44-7d1f7c1a0b01", requests[1].Query["page_token"]);
        Assert.Equal(3, fills.Count);
        Assert.Equal("partial_fill", fills[0].Type);
        Assert.Equal(4m, fills[0].Qty);
        Assert.Equal(175.032m, fills[1].Price);
        Assert.Equal(0m, fills[1].LeavesQty);
        // cumulative quantity of the order is the sum of its executions: 4 + 6.
        Assert.Equal(fills[0].Qty + fills[1].Qty, fills[1].CumQty);
    }

    [Fact]
    public async Task A_403_on_a_read_is_a_typed_error_with_the_brokers_words()
    {
        server.On("GET", "/v2/account", Reply.Json(403, """{"code":40310000,"message":"account is restricted"}"""));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetAccountAsync());

        Assert.Equal(AlpacaErrorKind.Forbidden, thrown.Kind);
        Assert.Equal(40310000, thrown.Error.Code);
        Assert.Equal("account is restricted", thrown.Error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_401_without_code_keeps_the_message()
    {
        server.On("GET", "/v2/clock", Reply.Json(401, """{"message":"unauthorized"}"""));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetClockAsync());

        Assert.Equal(AlpacaErrorKind.Unauthorized, thrown.Kind);
        Assert.Null(thrown.Error.Code);
        Assert.Equal("unauthorized", thrown.Error.Message);
    }
}
