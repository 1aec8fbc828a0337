using System.Net;
using System.Text;
using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Simulation.Faults;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

/// <summary>Each injected fault, as the real Alpaca client (and a raw HttpClient, for headers) sees it.</summary>
public sealed class SimulatedFaultTests
{
    [Fact]
    public async Task Rate_limit_answers_429_with_the_reset_as_epoch_seconds()
    {
        await using var sim = await SimHarness.StartAsync(configureClient: o => o.MaxRateLimitWait = TimeSpan.Zero);
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.RateLimit, Count = 2, RateLimitReset = TimeSpan.FromSeconds(30) });

        using var response = await sim.Raw.GetAsync("v2/account");
        var viaClient = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.GetAccountAsync());
        var afterwards = await sim.Trading.GetAccountAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("200", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        // The fake real clock stands at 2026-03-02T15:00:00Z = 1772463600; reset 30 s later.
        Assert.Equal("1772463630", response.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal(AlpacaErrorKind.RateLimited, viaClient.Error.Kind);
        Assert.Equal(100_000m, afterwards.Cash);
    }

    [Fact]
    public async Task Server_error_is_a_typed_500_and_a_retry_gets_through()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.ServerError, Count = 1 });

        var failed = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.GetClockAsync());
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.ServerError, Count = 1 });
        var retrying = AlpacaTradingClient.Create(new AlpacaOptions
        {
            KeyId = SimHarness.KeyId,
            SecretKey = SimHarness.SecretKey,
            TradingBaseUrl = sim.Market.BaseAddress,
            DataBaseUrl = sim.Market.BaseAddress,
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.Zero,
        });
        var clock = await retrying.GetClockAsync();

        Assert.Equal((AlpacaErrorKind.ServerError, (HttpStatusCode?)HttpStatusCode.InternalServerError), (failed.Error.Kind, failed.Error.HttpStatus));
        Assert.True(clock.IsOpen);
        Assert.Equal(2, sim.Market.Faults.Applied.Count(f => f.Kind == SimulatedFaultKind.ServerError));
    }

    [Fact]
    public async Task A_slow_answer_times_the_client_out()
    {
        await using var sim = await SimHarness.StartAsync(configureClient: o => (o.AttemptTimeout, o.TotalTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await sim.Trading.GetClockAsync(); // a warm connection: the limit below must be spent on the slow answer, not on start-up
        // The delay runs on the market's (fake) clock, which this test never moves: only the client's limit can end it.
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.Slow, Count = 1, Delay = TimeSpan.FromMinutes(1) });

        var timedOut = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.GetAccountAsync());

        Assert.Equal(AlpacaErrorKind.Timeout, timedOut.Error.Kind);
        Assert.Equal([new AppliedFault(SimulatedFaultKind.Slow, "GET", "/v2/account")], sim.Market.Faults.Applied);
    }

    [Fact]
    public async Task A_slow_answer_arrives_once_its_delay_has_passed()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.Slow, Count = 1, Delay = TimeSpan.FromSeconds(5) });

        var pending = sim.Raw.GetAsync("v2/account");
        while (sim.Market.Faults.Applied.Count == 0)
        {
            await Task.Delay(10);
        }

        Assert.False(pending.IsCompleted);
        sim.Time.Advance(TimeSpan.FromSeconds(5));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_failure()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.Drop, Count = 1 });

        var dropped = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.ListPositionsAsync());
        var next = await sim.Trading.ListPositionsAsync();

        Assert.Equal(AlpacaErrorKind.Transport, dropped.Error.Kind);
        Assert.Empty(next);
    }

    [Theory]
    [InlineData(403, AlpacaErrorKind.Forbidden, "insufficient buying power")]
    [InlineData(422, AlpacaErrorKind.Unprocessable, "order rejected by the simulated market")]
    public async Task A_rejected_order_is_a_rejection_and_nothing_is_placed(int status, AlpacaErrorKind kind, string message)
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.RejectOrder, Count = 1, RejectStatus = status });

        var account = await sim.Trading.GetAccountAsync(); // not an order submit: untouched
        var result = await sim.Trading.SubmitOrderAsync(SimulatedOrderTests.Market("SPY", 1));

        var rejected = Assert.IsType<SubmitOrderResult.Rejected>(result);
        Assert.Equal((kind, message), (rejected.Error.Kind, rejected.Error.Message));
        Assert.Equal(100_000m, account.Cash);
        Assert.Empty(sim.Market.State().Orders);
    }

    [Fact]
    public async Task A_path_prefix_limits_the_fault()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.ServerError, Count = 5, PathPrefix = "/v2/stocks" });

        var account = await sim.Trading.GetAccountAsync();
        var bars = await Assert.ThrowsAsync<AlpacaException>(() => sim.Data.GetLatestQuotesAsync(["SPY"]));

        Assert.Equal(100_000m, account.Cash);
        Assert.Equal(AlpacaErrorKind.ServerError, bars.Error.Kind);
        Assert.Equal([new AppliedFault(SimulatedFaultKind.ServerError, "GET", "/v2/stocks/quotes/latest")], sim.Market.Faults.Applied);
    }

    [Fact]
    public async Task Probabilistic_faults_reproduce_with_the_same_seed()
    {
        var first = await HitPatternAsync(seed: 7);
        var second = await HitPatternAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.InRange(first.Count(hit => hit), 1, 29); // p = 0.5 over 30 requests: neither none nor all
    }

    [Fact]
    public async Task Faults_are_armed_and_cleared_over_HTTP_and_admin_paths_are_never_faulted()
    {
        await using var sim = await SimHarness.StartAsync();

        using var armed = await sim.Raw.PostAsync("_sim/faults", new StringContent("""{"kind":"server_error","count":3}""", Encoding.UTF8, "application/json"));
        using var faulted = await sim.Raw.GetAsync("v2/account");
        using var state = await sim.Raw.GetAsync("_sim/state");
        using var cleared = await sim.Raw.DeleteAsync("_sim/faults");
        using var healthy = await sim.Raw.GetAsync("v2/account");
        using var refused = await sim.Raw.PostAsync("_sim/faults", new StringContent("""{"kind":"meteor"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task The_state_dump_shows_orders_positions_and_fills()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));
        await SimulatedOrderTests.PlaceAsync(sim, SimulatedOrderTests.Market("QQQ", 3));
        sim.MarketAt(SimHarness.Minutes(7));

        using var dump = JsonDocument.Parse(await sim.Raw.GetStringAsync("_sim/state"));
        var state = sim.Market.State();

        Assert.Equal("filled", dump.RootElement.GetProperty("orders")[0].GetProperty("status").GetString());
        Assert.Equal("3", dump.RootElement.GetProperty("positions")[0].GetProperty("qty").GetString());
        Assert.Equal(1, dump.RootElement.GetProperty("fills").GetArrayLength());
        Assert.Equal(("QQQ", 3m), (state.Positions.Single().Symbol, state.Positions.Single().Qty));
        Assert.Equal(state.Cash, decimal.Parse(dump.RootElement.GetProperty("cash").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(100_000m - (3 * state.Fills.Single().Price), state.Cash);
    }

    private static async Task<bool[]> HitPatternAsync(int seed)
    {
        await using var sim = await SimHarness.StartAsync(o => o.FaultSeed = seed);
        sim.Market.Faults.Inject(new SimulatedFault { Kind = SimulatedFaultKind.ServerError, Probability = 0.5 });
        var hits = new bool[30];
        for (var i = 0; i < hits.Length; i++)
        {
            using var response = await sim.Raw.GetAsync("v2/clock");
            hits[i] = response.StatusCode == HttpStatusCode.InternalServerError;
        }

        return hits;
    }
}
