using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Runs <see cref="BacktestEngine"/>, unchanged, once per grid point on the same prepared bars, on up to
/// <c>parallelism</c> threads. Each run has its own options and state, so the rows are exactly what a direct
/// backtest with those parameters gives, in grid order whatever the scheduling.
/// </summary>
public static class ParameterSweep
{
    /// <param name="progress">(points done, points total), called from worker threads after each point.</param>
    public static SweepResult Run(BacktestBars bars, BacktestOptions baseOptions, ParameterGrid grid, SweepObjective objective, int parallelism, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var unknown = StrategyParameters.Check(grid);
        if (unknown.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", unknown), nameof(grid));
        }

        var points = grid.Points().ToArray();
        var rows = new SweepRow[points.Length];
        var done = 0;
        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var (options, invalid) = StrategyParameters.Apply(baseOptions, points[i]);
            rows[i] = options is null
                ? new SweepRow(points[i], null, invalid)
                : new SweepRow(points[i], BacktestEngine.Run(bars, options).Summary, null);
            progress?.Invoke(Interlocked.Increment(ref done), points.Length);
        });

        return new SweepResult(rows, objective);
    }
}
