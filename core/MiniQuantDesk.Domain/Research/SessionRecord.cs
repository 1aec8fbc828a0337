namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// One session the desk ran (it stored bars, filled or logged on that New York date): the mode and
/// configuration it ran with (<see cref="Fingerprint"/> null when unknown or changed during the session), its
/// fills, P&amp;L (realised plus the change in open positions marked at bar closes), deepest fall from the
/// session's own peak, risk refusals, drift, and the parity report against the backtest on the same bars.
/// </summary>
public sealed record SessionRecord(
    DateOnly Session,
    string Mode,
    string? Fingerprint,
    IReadOnlyList<PaperFill> Fills,
    decimal Pnl,
    decimal MaxDrawdownUsd,
    IReadOnlyList<decimal> EquityMarks,
    int RiskEvents,
    int Drifts,
    ParityReport? Parity,
    string? ParityNote)
{
    public bool IsPaper => string.Equals(Mode, "Paper", StringComparison.OrdinalIgnoreCase);
}
