using System.Net;
using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Simulation;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

public sealed class SimulatedAccountTests
{
    [Fact]
    public async Task A_fresh_account_is_active_with_its_starting_cash()
    {
        await using var sim = await SimHarness.StartAsync(o => o.StartingCash = 25_000m);

        var account = await sim.Trading.GetAccountAsync();

        Assert.True(account.TradingAllowed);
        Assert.Equal(25_000m, account.Cash);
        Assert.Equal(25_000m, account.Equity);
        Assert.Equal(25_000m, account.LastEquity);
        Assert.Equal(25_000m, account.BuyingPower);
        Assert.Equal(0m, account.LongMarketValue);
        Assert.Equal("USD", account.Currency);
    }

    [Fact]
    public async Task Money_travels_as_strings_like_Alpaca()
    {
        await using var sim = await SimHarness.StartAsync();

        using var document = JsonDocument.Parse(await sim.Raw.GetStringAsync("v2/account"));

        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("cash").ValueKind);
        Assert.Equal("100000", document.RootElement.GetProperty("equity").GetString());
    }

    [Fact]
    public async Task The_clock_follows_the_simulated_time_with_eastern_offsets()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(75.5));

        var clock = await sim.Trading.GetClockAsync();

        Assert.True(clock.IsOpen);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 10, 45, 30, TimeSpan.FromHours(-5)), clock.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-5), clock.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 16, 0, 0, TimeSpan.FromHours(-5)), clock.NextClose);
        Assert.Equal(new DateTimeOffset(2019, 2, 13, 9, 30, 0, TimeSpan.FromHours(-5)), clock.NextOpen);
    }

    [Fact]
    public async Task Before_the_open_the_market_is_closed_and_opens_at_half_past_nine()
    {
        await using var sim = await SimHarness.StartAsync(o => o.MarketStart = new DateTimeOffset(2019, 2, 12, 13, 0, 0, TimeSpan.Zero));

        var clock = await sim.Trading.GetClockAsync();

        Assert.False(clock.IsOpen);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 8, 0, 0, TimeSpan.FromHours(-5)), clock.Timestamp);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 9, 30, 0, TimeSpan.FromHours(-5)), clock.NextOpen);
    }

    [Fact]
    public async Task The_calendar_lists_trading_days_and_skips_weekends_and_Presidents_Day()
    {
        await using var sim = await SimHarness.StartAsync();

        var days = await sim.Trading.GetCalendarAsync(new DateOnly(2019, 2, 11), new DateOnly(2019, 2, 19));

        // 16-17 Feb 2019 is a weekend, Monday 18 Feb is Washington's Birthday (NYSE closed).
        Assert.Equal(
            [new DateOnly(2019, 2, 11), new DateOnly(2019, 2, 12), new DateOnly(2019, 2, 13), new DateOnly(2019, 2, 14), new DateOnly(2019, 2, 15), new DateOnly(2019, 2, 19)],
            days.Select(d => d.Date));
        Assert.All(days, d => Assert.Equal((new TimeOnly(9, 30), new TimeOnly(16, 0)), (d.Open, d.Close)));
    }

    [Fact]
    public async Task Requests_without_keys_get_401_with_Alpacas_error_body()
    {
        await using var sim = await SimHarness.StartAsync();
        using var anonymous = SimHarness.RawClient(sim.Market.BaseAddress, keyId: "");

        using var response = await anonymous.GetAsync("v2/account");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(40110000, body.RootElement.GetProperty("code").GetInt64());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Configured_keys_refuse_any_other_pair()
    {
        await using var sim = await SimHarness.StartAsync(o => (o.KeyId, o.SecretKey) = ("PKONLY", "only-secret"));

        var refused = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.GetAccountAsync());
        var options = sim.ClientOptions;
        var rightKeys = AlpacaTradingClient.Create(new AlpacaOptions
        {
            KeyId = "PKONLY",
            SecretKey = "only-secret",
            TradingBaseUrl = options.TradingBaseUrl,
            DataBaseUrl = options.DataBaseUrl,
        });

        Assert.Equal(AlpacaErrorKind.Unauthorized, refused.Error.Kind);
        Assert.Equal(100_000m, (await rightKeys.GetAccountAsync()).Cash);
    }

    [Fact]
    public async Task Admin_clock_reports_the_shareable_setting()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(2));

        using var body = JsonDocument.Parse(await sim.Raw.GetStringAsync("_sim/clock"));
        var shared = SimulatedClock.Parse(body.RootElement.GetProperty("setting").GetString()!);

        Assert.Equal("2019-02-12T14:32:00Z", body.RootElement.GetProperty("now").GetString());
        Assert.Equal(sim.Market.Clock, shared);
        Assert.Equal(sim.Market.Now, shared.Now(sim.Time));
    }
}
