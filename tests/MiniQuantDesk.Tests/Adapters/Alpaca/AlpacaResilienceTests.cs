using System.Diagnostics;
using System.Globalization;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Requests;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>Timeouts, bounded retries and rate limits, with waits on a manual clock.</summary>
public sealed class AlpacaResilienceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 14, 31, 0, TimeSpan.Zero);
    private LoopbackAlpacaServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackAlpacaServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_429_waits_until_the_rate_limit_reset_plus_a_second_then_succeeds()
    {
        var clock = new ManualTimeProvider(Start);
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server), clock);
        var reset = Start.AddSeconds(7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        server.On("GET", "/v2/account",
            Reply.Json(429, """{"code":42910000,"message":"rate limit exceeded"}""", new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "200",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = reset,
            }),
            Reply.Fixture(200, "account.json"));

        var call = client.GetAccountAsync();
        // reset is 7 s after "now" on the manual clock; spec §2 asks for about a second of margin: 8 s.
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(8));
        Assert.Single(server.Requests);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(8));
        var account = await call;

        Assert.Equal(101000.00m, account.Equity);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_429_with_Retry_After_on_submit_is_waited_out_and_sent_again()
    {
        var clock = new ManualTimeProvider(Start);
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server), clock);
        server.On("POST", "/v2/orders",
            Reply.Json(429, """{"message":"too many requests"}""", new Dictionary<string, string> { ["Retry-After"] = "3" }),
            Reply.Fixture(200, "order-accepted.json"));

        var call = client.SubmitOrderAsync(new AlpacaOrderRequest
        {
            Symbol = "AAPL", Qty = 10m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "rl-1",
        });
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.IsType<SubmitOrderResult.Placed>(await call);
        Assert.Equal(2, server.RequestsTo("POST", "/v2/orders").Count);
    }

    [Fact]
    public async Task A_429_asking_longer_than_the_budget_fails_at_once_as_rate_limited()
    {
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server));
        server.On("GET", "/v2/clock", Reply.Json(429, """{"message":"rate limit exceeded"}""", new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetClockAsync());

        Assert.Equal(AlpacaErrorKind.RateLimited, thrown.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_500_on_a_GET_is_retried_then_succeeds()
    {
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server));
        server.On("GET", "/v2/clock", Reply.Json(500, """{"code":50010000,"message":"internal"}"""), Reply.Fixture(200, "clock.json"));

        var clock = await client.GetClockAsync();

        Assert.True(clock.IsOpen);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_then_the_failure_is_typed()
    {
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server, maxRetries: 3));
        server.On("GET", "/v2/positions", Reply.Json(503, """{"code":50310000,"message":"service unavailable"}"""));

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.ListPositionsAsync());

        Assert.Equal(AlpacaErrorKind.ServerError, thrown.Kind);
        Assert.Equal("service unavailable", thrown.Error.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Back_off_between_retries_doubles_from_the_base_delay()
    {
        var clock = new ManualTimeProvider(Start);
        var options = AlpacaTestSetup.Options(server, maxRetries: 2);
        options.RetryBaseDelay = TimeSpan.FromSeconds(1);
        var client = AlpacaTradingClient.Create(options, clock);
        server.On("GET", "/v2/clock", Reply.Json(500, "{}"), Reply.Json(500, "{}"), Reply.Fixture(200, "clock.json"));

        var call = client.GetClockAsync();
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True((await call).IsOpen);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_within_the_configured_limits()
    {
        var options = AlpacaTestSetup.Options(server, maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.TotalTimeout = TimeSpan.FromMilliseconds(1000);
        var client = AlpacaTradingClient.Create(options);
        server.On("GET", "/v2/account", Reply.Never());
        var stopwatch = Stopwatch.StartNew();

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetAccountAsync());

        stopwatch.Stop();
        Assert.Equal(AlpacaErrorKind.Timeout, thrown.Kind);
        Assert.Equal(2, server.Requests.Count);
        // Two 200 ms attempts; the bound is loose on purpose (shared CI cores), far below HttpClient's 100 s.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task The_total_timeout_caps_a_call_whose_attempts_would_add_up_longer()
    {
        var options = AlpacaTestSetup.Options(server, maxRetries: 5);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        options.TotalTimeout = TimeSpan.FromMilliseconds(500);
        var client = AlpacaTradingClient.Create(options);
        server.On("GET", "/v2/account", Reply.Never());

        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.GetAccountAsync());

        Assert.Equal(AlpacaErrorKind.Timeout, thrown.Kind);
        // 500 ms total fits one 300 ms attempt and part of a second, never the six attempts retries would allow.
        Assert.InRange(server.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task Keys_never_reach_the_logs()
    {
        var sink = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(sink));
        var client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server), loggers: loggers);
        server.On("POST", "/v2/orders", Reply.Json(500, "{}"));
        server.On("GET", "/v2/orders:by_client_order_id", Reply.Json(500, "{}"));
        server.On("GET", "/v2/account", Reply.Json(500, "{}"), Reply.Fixture(200, "account.json"));

        await client.GetAccountAsync();
        await client.SubmitOrderAsync(new AlpacaOrderRequest
        {
            Symbol = "AAPL", Qty = 1m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "log-1",
        });

        Assert.True(sink.Lines.Count >= 3, "the retries and the recovery should have been logged");
        Assert.DoesNotContain(sink.Lines, l => l.Contains(AlpacaTestSetup.SecretKey, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(AlpacaTestSetup.KeyId, StringComparison.Ordinal));
        Assert.Contains(sink.Lines, l => l.Contains("PKTE****", StringComparison.Ordinal));
    }
}
