using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Research;

public sealed class BiasCheckTests
{
    private static IReadOnlyList<Bar> Regular(string file, string symbol) => BacktestBars.Prepare(Fixture.Bars(file, symbol)).Bars;

    public static TheoryData<string, string> BuiltIns()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in StrategyCatalog.Names)
        {
            data.Add(name, "SPY");
            data.Add(name, "AAPL");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void The_built_in_strategies_pass_both_checks_on_the_fixture_bars(string name, string symbol)
    {
        var bars = Regular($"1min/{symbol}.csv", symbol);
        var strategy = StrategyUnderTest.BuiltIn(name, new StrategyOptions(), new IndicatorSetOptions());

        var lookAhead = LookAheadCheck.Run(bars, strategy);
        var warmUp = WarmUpCheck.Run(bars, strategy);

        Assert.True(lookAhead.Passed, lookAhead.ToString());
        Assert.True(warmUp.Passed, warmUp.ToString());
        Assert.True(lookAhead.SeriesCompared > 50 && warmUp.SeriesCompared > 5, $"{lookAhead.SeriesCompared} / {warmUp.SeriesCompared}");
    }

    [Fact]
    public void A_strategy_that_uses_the_next_bar_is_caught_at_its_first_peek()
    {
        var bars = Regular("1min/SPY.csv", "SPY");
        var leaky = new StrategyUnderTest("next-bar-peeker", (symbol, series) => new NextBarPeeker(symbol, series), new DeclaredWarmUp(0));
        // Its first signal is at the first bar whose next close differs: cut there, it cannot see the next bar.
        var expected = Enumerable.Range(0, bars.Count - 1).First(i => bars[i + 1].Close != bars[i].Close);

        var finding = LookAheadCheck.Run(bars, leaky);

        Assert.False(finding.Passed);
        Assert.Equal(expected, finding.FirstDifference!.Index);
        Assert.Equal(bars[expected].Start, finding.FirstDifference.BarStart);
        Assert.Equal(SignalKind.None, finding.FirstDifference.Shortened);
        Assert.NotEqual(SignalKind.None, finding.FirstDifference.Full);
        Assert.Contains("next-bar-peeker SPY look-ahead: FAIL at bar", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_strategy_whose_signals_depend_on_all_history_is_caught_by_the_warm_up_check()
    {
        var bars = Regular("1min/SPY.csv", "SPY");
        var unbounded = new StrategyUnderTest("all-time-high", (symbol, _) => new AllTimeHighBreakout(symbol), new DeclaredWarmUp(10));

        var lookAhead = LookAheadCheck.Run(bars, unbounded);
        var warmUp = WarmUpCheck.Run(bars, unbounded);

        Assert.True(lookAhead.Passed, lookAhead.ToString());
        Assert.False(warmUp.Passed);
        // By hand: starting at bar s, bar j signals when its close beats every close in s..j-1. The first bar
        // past s + 10 where starting at s and starting at 0 disagree, over all offsets, is the one reported.
        bool Signal(int j, int s) => j > s && bars[j].Close > bars.Skip(s).Take(j - s).Max(b => b.Close);
        var expected = WarmUpCheck.DefaultOffsets
            .Select(s => Enumerable.Range(s + 10, Math.Max(0, bars.Count - s - 10)).Where(j => Signal(j, s) != Signal(j, 0)).DefaultIfEmpty(int.MaxValue).First())
            .Min();
        Assert.Equal(expected, warmUp.FirstDifference!.Index);
        Assert.Equal(Signal(expected, 0) ? SignalKind.Buy : SignalKind.None, warmUp.FirstDifference.Full);
    }

    [Fact]
    public void Too_short_a_declared_warm_up_for_the_vwap_is_caught_when_starting_mid_session()
    {
        var bars = Regular("1min/SPY.csv", "SPY");
        var options = new StrategyOptions();
        var honest = StrategyUnderTest.BuiltIn(VwapReversion.CatalogName, options, new IndicatorSetOptions());
        var careless = honest with { WarmUp = new DeclaredWarmUp(5) };

        Assert.True(WarmUpCheck.Run(bars, honest).Passed);
        Assert.False(WarmUpCheck.Run(bars, careless).Passed);
    }

    [Fact]
    public void Bars_of_two_symbols_are_refused()
    {
        var bars = Regular("1min/SPY.csv", "SPY").Take(5).Concat(Regular("1min/AAPL.csv", "AAPL").Take(5)).ToList();

        var error = Assert.Throws<ArgumentException>(() => LookAheadCheck.Run(bars, StrategyUnderTest.BuiltIn(SmaCrossover.CatalogName, new StrategyOptions(), new IndicatorSetOptions())));
        Assert.Contains("found SPY and AAPL", error.Message, StringComparison.Ordinal);
    }
}
