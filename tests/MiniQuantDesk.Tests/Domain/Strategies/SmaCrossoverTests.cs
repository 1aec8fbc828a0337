using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Strategies;

public sealed class SmaCrossoverTests
{
    private static readonly DateTimeOffset Start = new(2019, 2, 11, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Signals_by_hand_with_fast_2_slow_3()
    {
        // closes        10    10    10    11    9     9
        // SMA2          -     10    10    10.5  10    9
        // SMA3          -     -     10    10.33 10    9.67
        // d sign        -     -     0     +     0     -
        // signal        -     -     -     Buy   -     Sell   (0 -> + is a cross; + -> 0 is not; 0 -> - is)
        var signals = Feed(new SmaCrossoverOptions { Fast = 2, Slow = 3 }, 10m, 10m, 10m, 11m, 9m, 9m);
        Assert.Equal([SignalKind.None, SignalKind.None, SignalKind.None, SignalKind.Buy, SignalKind.None, SignalKind.Sell], signals);
    }

    [Fact]
    public void An_exact_cent_tie_is_no_cross()
    {
        // A 5-bar cycle of cent prices whose mean is 271.20: every 10- and 30-bar window holds whole cycles,
        // so SMA10 = SMA30 exactly (3·sum10 = sum30) on every bar, where double sums can differ by ~1e-12.
        decimal[] cycle = [271.19m, 271.23m, 271.17m, 271.21m, 271.20m];
        var closes = Enumerable.Range(0, 90).Select(i => cycle[i % 5]).ToArray();
        var strategy = new SmaCrossover("SPY", new SmaCrossoverOptions());
        var signals = Feed(strategy, closes);
        Assert.All(signals, s => Assert.Equal(SignalKind.None, s));
        Assert.Equal(0, strategy.Spread);
    }

    [Fact]
    public void The_first_signal_can_come_at_bar_index_Slow_and_not_before()
    {
        // 300, 299, ..., 271 then 500. At index 29: SMA10 = 275.5 < SMA30 = 285.5. At index 30:
        // SMA10 = (279 + ... + 271 + 500) / 10 = 297.5 > SMA30 = (299 + ... + 271 + 500) / 30 = (8265 + 500) / 30 = 292.17:
        // the first cross is at index 30 (the SPEC's warm-up: signals from i >= 30).
        var closes = Enumerable.Range(0, 30).Select(i => 300m - i).Append(500m).ToArray();
        var signals = Feed(new SmaCrossoverOptions(), closes);
        Assert.Equal(30, signals.FindIndex(s => s != SignalKind.None));
        Assert.Equal(SignalKind.Buy, signals[30]);
    }

    [Theory]
    [InlineData(30, 10, "Strategies:SmaCrossover:Fast must be < Slow, was 30 vs 10")]
    [InlineData(10, 10, "Strategies:SmaCrossover:Fast must be < Slow, was 10 vs 10")]
    [InlineData(0, 30, "Strategies:SmaCrossover:Fast must be >= 1, was 0")]
    [InlineData(1, 1, "Strategies:SmaCrossover:Slow must be between 2 and 100000, was 1")]
    public void Bad_windows_are_refused_naming_the_setting(int fast, int slow, string message)
    {
        var options = new SmaCrossoverOptions { Fast = fast, Slow = slow };
        Assert.Contains(message, options.Validate());
        var ex = Assert.Throws<ArgumentException>(() => new SmaCrossover("SPY", options));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static List<SignalKind> Feed(SmaCrossoverOptions options, params decimal[] closes) => Feed(new SmaCrossover("SPY", options), closes);

    private static List<SignalKind> Feed(SmaCrossover strategy, params decimal[] closes)
    {
        var set = new IndicatorSet("SPY");
        var signals = new List<SignalKind>();
        for (var i = 0; i < closes.Length; i++)
        {
            var bar = new Bar("SPY", Start.AddMinutes(i), closes[i], closes[i], closes[i], closes[i], 100);
            set.Update(bar);
            signals.Add(strategy.OnBar(bar, set));
        }

        return signals;
    }
}
