using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Strategies;

public sealed class SignalReplayTests
{
    private static IReadOnlyList<Bar> SpyBars()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bars", "1min", "SPY.csv");
        var parsed = BarCsvReader.Parse(File.ReadAllText(path), "SPY");
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        return parsed.Bars;
    }

    [Fact]
    public void Replaying_a_window_gives_at_its_last_bar_what_a_strategy_fed_bar_by_bar_gave_at_that_bar()
    {
        var bars = SpyBars();
        var names = StrategyCatalog.Names;
        var options = new StrategyOptions();
        var live = names.Select(n => StrategyCatalog.Create(n, "SPY", options)).ToArray();
        var indicators = new MiniQuantDesk.Domain.Indicators.IndicatorSet("SPY");
        var mismatches = 0;
        var nonNone = 0;
        for (var i = 0; i < 600; i++)
        {
            indicators.Update(bars[i]);
            var expected = live.Select(s => s.OnBar(bars[i], indicators)).ToArray();
            nonNone += expected.Count(s => s != SignalKind.None);
            if (i % 37 == 0 || expected.Any(s => s != SignalKind.None))
            {
                var replayed = SignalReplay.AtLastBar(bars.Take(i + 1).ToList(), names, options);
                mismatches += expected.SequenceEqual(replayed) ? 0 : 1;
            }
        }

        Assert.True(nonNone > 0, "the window should contain some signals to compare");
        Assert.Equal(0, mismatches);
    }
}

public sealed class SignalReplayWindowTests
{
    [Theory]
    [InlineData("sma-crossover")]
    [InlineData("bollinger-reversion")]
    public void A_window_strategy_gives_the_same_signal_from_a_short_window_as_from_the_whole_history(string strategy)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bars", "1min", "SPY.csv");
        var bars = BarCsvReader.Parse(File.ReadAllText(path), "SPY").Bars;
        var options = new StrategyOptions();
        var differing = new List<DateTimeOffset>();
        var signalled = 0;
        for (var end = 500; end < bars.Count; end += 3)
        {
            var full = SignalReplay.AtLastBar(bars.Take(end).ToList(), [strategy], options)[0];
            var windowed = SignalReplay.AtLastBar(bars.Skip(end - 120).Take(120).ToList(), [strategy], options)[0];
            signalled += full == SignalKind.None ? 0 : 1;
            if (full != windowed)
            {
                differing.Add(bars[end - 1].Start);
            }
        }

        Assert.True(signalled > 0);
        Assert.Empty(differing);
    }
}
