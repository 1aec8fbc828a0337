using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Research;

public sealed class ParameterSweepTests
{
    private static readonly BacktestBars Spy = BacktestBars.Prepare(Fixture.Bars("1min/SPY.csv", "SPY"));

    [Theory]
    [InlineData(SweepObjective.Sharpe)]
    [InlineData(SweepObjective.Return)]
    public void The_best_point_equals_a_direct_backtest_with_its_parameters(SweepObjective objective)
    {
        var grid = ParameterGrid.Parse("fast=4..16:4,slow=20..50:10").Grid!;

        var sweep = ParameterSweep.Run(Spy, new BacktestOptions(), grid, objective, parallelism: 2);

        var best = sweep.Best!;
        var direct = BacktestEngine.Run(Spy, new BacktestOptions
        {
            StrategySettings = new StrategyOptions { SmaCrossover = new SmaCrossoverOptions { Fast = (int)best.Point["fast"], Slow = (int)best.Point["slow"] } },
        }).Summary;
        Assert.Equal(direct, best.Summary);
        // And it really is the best: no other point scores higher.
        Assert.All(sweep.Rows, r => Assert.True(r.Score(objective) is not { } s || s <= best.Score(objective)));
    }

    [Fact]
    public void Rows_come_in_grid_order_whatever_the_threads_and_invalid_points_are_reported_not_run()
    {
        var grid = ParameterGrid.Parse("fast=10..30:10,slow=20..30:10").Grid!;

        var parallel = ParameterSweep.Run(Spy, new BacktestOptions(), grid, SweepObjective.Sharpe, parallelism: 2);
        var serial = ParameterSweep.Run(Spy, new BacktestOptions(), grid, SweepObjective.Sharpe, parallelism: 1);

        Assert.Equal(serial.Rows.Select(r => (r.Point.ToString(), r.Summary, r.Invalid)), parallel.Rows.Select(r => (r.Point.ToString(), r.Summary, r.Invalid)));
        Assert.Equal(["fast=10,slow=20", "fast=10,slow=30", "fast=20,slow=20", "fast=20,slow=30", "fast=30,slow=20", "fast=30,slow=30"], parallel.Rows.Select(r => r.Point.ToString()));
        Assert.Equal(3, parallel.Ran);
        Assert.Contains("Fast must be < Slow, was 20 vs 20", parallel.Rows[2].Invalid, StringComparison.Ordinal);
        Assert.Null(parallel.Rows[2].Summary);
    }
}
