using CsCheck;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Research;

public sealed class WalkForwardTests
{
    [Fact]
    public void Windows_never_overlap_their_test_data_and_test_windows_tile_without_overlap()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[1, 15], Gen.Int[1, 10]).Sample((count, train, test) =>
        {
            var sessions = Enumerable.Range(0, count).Select(i => new DateOnly(2024, 1, 1).AddDays(i * 2)).ToList();

            var windows = WalkForwardPlan.Create(sessions, train, test);

            Assert.Equal(count >= train + test ? ((count - train - test) / test) + 1 : 0, windows.Count);
            foreach (var w in windows)
            {
                Assert.True(w.TrainFrom <= w.TrainTo && w.TrainTo < w.TestFrom && w.TestFrom <= w.TestTo);
                Assert.Equal(train, sessions.Count(s => s >= w.TrainFrom && s <= w.TrainTo));
                Assert.Equal(test, sessions.Count(s => s >= w.TestFrom && s <= w.TestTo));
            }

            for (var k = 1; k < windows.Count; k++)
            {
                Assert.True(windows[k - 1].TestTo < windows[k].TestFrom);
                // Contiguous: no session between two test windows is skipped.
                Assert.Equal(0, sessions.Count(s => s > windows[k - 1].TestTo && s < windows[k].TestFrom));
            }
        });
    }

    [Fact]
    public void Each_test_run_sees_only_its_own_sessions_and_equals_a_backtest_with_the_chosen_parameters()
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY");
        var grid = ParameterGrid.Parse("fast=5..15:5,slow=20..40:10").Grid!;

        var result = WalkForward.Run(bars, new BacktestOptions(), grid, SweepObjective.Return, trainSessions: 2, testSessions: 1, parallelism: 2);

        // The fixture has 5 sessions: windows train on (1,2)→3, (2,3)→4, (3,4)→5.
        Assert.Equal(3, result.Steps.Count);
        foreach (var step in result.Steps)
        {
            var w = step.Window;
            Assert.Equal(w.TestFrom, NewYorkTime.SessionDate(step.OutOfSample!.FirstBar!.Value));
            Assert.Equal(w.TestTo, NewYorkTime.SessionDate(step.OutOfSample.LastBar!.Value));
            Assert.Equal(2, step.InSample!.Sessions);
            var direct = BacktestEngine.Run(bars, new BacktestOptions
            {
                From = w.TestFrom,
                To = w.TestTo,
                StrategySettings = new StrategyOptions { SmaCrossover = new SmaCrossoverOptions { Fast = (int)step.Chosen!["fast"], Slow = (int)step.Chosen["slow"] } },
            }).Summary;
            Assert.Equal(direct, step.OutOfSample);
        }

        var isMean = result.Steps.Average(s => (double)s.InSample!.TotalReturn / 2);
        Assert.Equal(isMean, result.MeanInSampleReturnPerSession!.Value, 12);
    }
}
