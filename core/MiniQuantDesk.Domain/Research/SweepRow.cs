using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Domain.Research;

/// <summary>One grid point's run: its figures, or why it did not run (<see cref="Invalid"/>, e.g. fast &gt;= slow).</summary>
public sealed record SweepRow(GridPoint Point, BacktestSummary? Summary, string? Invalid)
{
    /// <summary>The value of the objective; null for an invalid point or a Sharpe that is undefined.</summary>
    public double? Score(SweepObjective objective) => Summary is null
        ? null
        : objective == SweepObjective.Sharpe ? Summary.Sharpe : (double)Summary.TotalReturn;
}
