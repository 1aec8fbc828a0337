using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Research;

namespace MiniQuantDesk.Tests.Domain.Research;

public sealed class LiveGateTests
{
    private const string Going = "aaaaaaaaaaaa";
    private static readonly DateTimeOffset Open = new(2025, 3, 3, 14, 31, 0, TimeSpan.Zero);
    private static readonly LiveGateOptions Options = new() { MinSessions = 30, MaxParityMismatchPct = 10m, MaxMeanSlippageBps = 10m, PaperEquityUsd = 100_000m };

    /// <summary>n paper sessions of the configuration going live, each +50 USD with a 200 USD dip, one buy matched at 2 bps.</summary>
    private static List<SessionRecord> Sessions(int n, string fingerprint = Going, string mode = "Paper", ParityReport? parity = null) =>
        [.. Enumerable.Range(0, n).Select(i => new SessionRecord(
            new DateOnly(2025, 3, 3).AddDays(i), mode, fingerprint, [], 50m, 200m, [0m, -200m, 50m], 0, 0,
            parity ?? Matched(bps: 2m), null))];

    private static ParityReport Matched(decimal bps, int missed = 0)
    {
        var expected = new ExpectedFill("SPY", OrderSide.Buy, 10m, 100m, Open);
        var actual = new PaperFill("mqd-x", "SPY", OrderSide.Buy, 10m, 100m * (1 + (bps / 10_000m)), Open.AddSeconds(3));
        return new ParityReport([new ParityMatch(expected, actual)], [.. Enumerable.Repeat(expected, missed)], []);
    }

    private static LiveGateVerdict Evaluate(IEnumerable<SessionRecord> sessions, IReadOnlyList<DriftEvent>? drifts = null, IReadOnlyList<DriftResolution>? resolutions = null, decimal maxDrawdownPct = 10m) =>
        LiveGate.Evaluate(new TrackRecord([.. sessions], drifts ?? [], resolutions ?? [], 100_000m), Going, Options, maxDrawdownPct);

    [Fact]
    public void A_record_that_meets_every_criterion_is_accepted()
    {
        var verdict = Evaluate(Sessions(30));

        Assert.True(verdict.Passed, string.Join("; ", verdict.Failures));
        Assert.Equal(30, verdict.Sessions);
    }

    [Fact]
    public void Too_few_sessions_is_refused_and_other_configurations_and_live_sessions_do_not_count()
    {
        var sessions = Sessions(29).Concat(Sessions(5, fingerprint: "bbbbbbbbbbbb")).Concat(Sessions(5, mode: "Live"));

        var verdict = Evaluate(sessions);

        Assert.Equal([LiveGateCriterion.MinSessions], verdict.Failures.Select(f => f.Criterion));
        Assert.Equal("29 paper session(s) with configuration aaaaaaaaaaaa; LiveGate:MinSessions needs 30", verdict.Failures[0].Reason);
    }

    [Fact]
    public void Unresolved_drift_is_refused_and_a_later_resolution_clears_it()
    {
        var drift = new DriftEvent(Open.AddDays(3), "SPY", 10m, 15m);

        var unresolved = Evaluate(Sessions(30), [drift]);
        var resolvedBefore = Evaluate(Sessions(30), [drift], [new DriftResolution(Open.AddDays(2), "SPY", "me", "too early")]);
        var resolved = Evaluate(Sessions(30), [drift], [new DriftResolution(Open.AddDays(4), "SPY", "me", "closed the stray 5")]);
        var all = Evaluate(Sessions(30), [drift], [new DriftResolution(Open.AddDays(4), "*", "me", "checked everything")]);

        Assert.Equal([LiveGateCriterion.UnresolvedDrift], unresolved.Failures.Select(f => f.Criterion));
        Assert.Contains("SPY since 2025-03-06 14:31Z", unresolved.Failures[0].Reason, StringComparison.Ordinal);
        Assert.True(resolvedBefore.Failed(LiveGateCriterion.UnresolvedDrift));
        Assert.True(resolved.Passed);
        Assert.True(all.Passed);
    }

    [Fact]
    public void Parity_mismatches_over_the_tolerance_are_refused()
    {
        // 1 matched + 1 missed per session = 50 % mismatched > 10 %.
        var verdict = Evaluate(Sessions(30, parity: Matched(bps: 2m, missed: 1)));

        Assert.Equal([LiveGateCriterion.ParityMismatch], verdict.Failures.Select(f => f.Criterion));
        Assert.Contains("30 of 60 fills missed or extra (50.0%)", verdict.Failures[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Slippage_over_the_tolerance_is_refused()
    {
        var verdict = Evaluate(Sessions(30, parity: Matched(bps: 12m)));

        Assert.Equal([LiveGateCriterion.ParitySlippage], verdict.Failures.Select(f => f.Criterion));
        Assert.Contains("mean slippage 12.00 bps over 30 fills", verdict.Failures[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Drawdown_at_or_over_the_risk_limit_is_refused()
    {
        // Each session dips 200 below its start (= the running peak, every session ends +50): the fall is
        // 200 / (100 000 + 50·k), deepest in the first session: 200 / 100 000 = 0.2 %.
        var ok = Evaluate(Sessions(30), maxDrawdownPct: 0.21m);
        var refused = Evaluate(Sessions(30), maxDrawdownPct: 0.2m);

        Assert.True(ok.Passed, string.Join("; ", ok.Failures));
        Assert.Equal([LiveGateCriterion.Drawdown], refused.Failures.Select(f => f.Criterion));
        Assert.Contains("paper drawdown 0.20% is not under Risk:MaxDrawdownPct 0.2%", refused.Failures[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failed_criterion_is_named_at_once()
    {
        var verdict = Evaluate(Sessions(3, parity: Matched(bps: 50m, missed: 2)), [new DriftEvent(Open, "QQQ", 0m, 3m)], maxDrawdownPct: 0.1m);

        Assert.Equal(
            [LiveGateCriterion.MinSessions, LiveGateCriterion.UnresolvedDrift, LiveGateCriterion.ParityMismatch, LiveGateCriterion.ParitySlippage, LiveGateCriterion.Drawdown],
            verdict.Failures.Select(f => f.Criterion));
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var errors = new LiveGateOptions { MinSessions = 0, MaxParityMismatchPct = 101m, PaperEquityUsd = 0m }.Validate();

        Assert.Equal(["LiveGate:MinSessions must be between 1 and 10000, was 0", "LiveGate:MaxParityMismatchPct must be between 0 and 100, was 101", "LiveGate:PaperEquityUsd must be > 0, was 0"], errors);
    }
}
