using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Optimise on a window, test on the next, roll (<see cref="WalkForwardPlan"/>). Each window's bars are
/// prepared with its own session bounds, so the test run never sees a training bar and starts its indicators
/// cold, exactly like a backtest started on <c>TestFrom</c>.
/// </summary>
public static class WalkForward
{
    public static WalkForwardResult Run(IReadOnlyList<Bar> bars, BacktestOptions baseOptions, ParameterGrid grid, SweepObjective objective, int trainSessions, int testSessions, int parallelism, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(baseOptions);
        var all = BacktestBars.Prepare(bars, baseOptions.From, baseOptions.To);
        var sessions = all.Bars.Select(b => NewYorkTime.SessionDate(b.Start)).Distinct().ToList();
        var windows = WalkForwardPlan.Create(sessions, trainSessions, testSessions);
        var steps = new List<WalkForwardStep>();
        foreach (var w in windows)
        {
            var train = BacktestBars.Prepare(all.Bars, w.TrainFrom, w.TrainTo);
            var sweep = ParameterSweep.Run(train, baseOptions, grid, objective, parallelism);
            var best = sweep.Best;
            BacktestSummary? outOfSample = null;
            if (best is not null)
            {
                var options = StrategyParameters.Apply(baseOptions, best.Point).Options!;
                outOfSample = BacktestEngine.Run(BacktestBars.Prepare(all.Bars, w.TestFrom, w.TestTo), options).Summary;
            }

            steps.Add(new WalkForwardStep(w, best?.Point, best?.Summary, outOfSample));
            progress?.Invoke(steps.Count, windows.Count);
        }

        return new WalkForwardResult(steps, objective);
    }
}
