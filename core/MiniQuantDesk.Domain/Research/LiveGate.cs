using System.Globalization;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Whether the paper record allows going live with one configuration (<see cref="DeskConfiguration.Fingerprint"/>).
/// Every criterion is evaluated and every failure returned, so the trader sees all that is missing at once.
/// Only paper sessions with exactly this fingerprint count; drift counts whatever the configuration (it is the
/// account's). Parity and drawdown are measured over the counted sessions.
/// </summary>
public static class LiveGate
{
    public static LiveGateVerdict Evaluate(TrackRecord record, string fingerprint, LiveGateOptions options, decimal maxDrawdownPct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<LiveGateFailure>();
        var sessions = record.PaperSessionsOf(fingerprint);
        if (sessions.Count < options.MinSessions)
        {
            failures.Add(Fail(LiveGateCriterion.MinSessions, $"{sessions.Count} paper session(s) with configuration {fingerprint}; {LiveGateOptions.SectionName}:{nameof(LiveGateOptions.MinSessions)} needs {options.MinSessions}"));
        }

        var drift = record.UnresolvedDrifts;
        if (drift.Count > 0)
        {
            var symbols = string.Join(", ", drift.GroupBy(d => d.Symbol, StringComparer.Ordinal).Select(g => $"{g.Key} since {g.Min(d => d.At).UtcDateTime:yyyy-MM-dd HH:mm}Z"));
            failures.Add(Fail(LiveGateCriterion.UnresolvedDrift, $"unresolved position drift: {symbols} (check the broker, then `desk record resolve-drift`)"));
        }

        var reports = sessions.Select(s => s.Parity).OfType<ParityReport>().ToList();
        var fills = reports.Sum(r => r.Fills);
        var mismatches = reports.Sum(r => r.Mismatches);
        var mismatchPct = fills == 0 ? 0m : mismatches * 100m / fills;
        if (mismatchPct > options.MaxParityMismatchPct)
        {
            failures.Add(Fail(LiveGateCriterion.ParityMismatch, $"backtest parity: {mismatches} of {fills} fills missed or extra ({mismatchPct:F1}%); {LiveGateOptions.SectionName}:{nameof(LiveGateOptions.MaxParityMismatchPct)} allows {options.MaxParityMismatchPct}%"));
        }

        var matched = reports.SelectMany(r => r.Matched).ToList();
        var slippage = matched.Count == 0 ? 0m : matched.Average(m => m.SlippageBps);
        if (slippage > options.MaxMeanSlippageBps)
        {
            failures.Add(Fail(LiveGateCriterion.ParitySlippage, $"backtest parity: mean slippage {slippage:F2} bps over {matched.Count} fills; {LiveGateOptions.SectionName}:{nameof(LiveGateOptions.MaxMeanSlippageBps)} allows {options.MaxMeanSlippageBps} bps"));
        }

        var drawdown = record.MaxDrawdownPct(sessions);
        if (drawdown >= maxDrawdownPct)
        {
            failures.Add(Fail(LiveGateCriterion.Drawdown, $"paper drawdown {drawdown:F2}% is not under Risk:MaxDrawdownPct {maxDrawdownPct}%"));
        }

        return new LiveGateVerdict(fingerprint, sessions.Count, failures);
    }

    private static LiveGateFailure Fail(LiveGateCriterion criterion, FormattableString reason) => new(criterion, reason.ToString(CultureInfo.InvariantCulture));
}
