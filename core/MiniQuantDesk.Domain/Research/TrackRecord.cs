namespace MiniQuantDesk.Domain.Research;

/// <summary>The paper track record: sessions in date order, every drift and resolution, and the capital the drawdown is measured on.</summary>
public sealed record TrackRecord(IReadOnlyList<SessionRecord> Sessions, IReadOnlyList<DriftEvent> Drifts, IReadOnlyList<DriftResolution> Resolutions, decimal StartingEquity)
{
    /// <summary>Drift not followed by a resolution of its symbol (or of <c>*</c>).</summary>
    public IReadOnlyList<DriftEvent> UnresolvedDrifts => [.. Drifts.Where(d => !Resolutions.Any(r => r.At > d.At && (r.Symbol == "*" || string.Equals(r.Symbol, d.Symbol, StringComparison.Ordinal))))];

    /// <summary>Paper sessions run with exactly this configuration.</summary>
    public IReadOnlyList<SessionRecord> PaperSessionsOf(string fingerprint) =>
        [.. Sessions.Where(s => s.IsPaper && string.Equals(s.Fingerprint, fingerprint, StringComparison.Ordinal))];

    /// <summary>
    /// Deepest peak-to-trough fall, in percent of the peak, of StartingEquity + the sessions' P&amp;L walked in
    /// order through every mark (sessions not listed are skipped, not counted as flat time).
    /// </summary>
    public decimal MaxDrawdownPct(IEnumerable<SessionRecord> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var peak = StartingEquity;
        var worst = 0m;
        var offset = StartingEquity;
        foreach (var s in sessions.OrderBy(s => s.Session))
        {
            foreach (var mark in s.EquityMarks.Append(s.Pnl))
            {
                var value = offset + mark;
                peak = Math.Max(peak, value);
                if (peak > 0m)
                {
                    worst = Math.Max(worst, (peak - value) / peak * 100m);
                }
            }

            offset += s.Pnl;
        }

        return worst;
    }
}
