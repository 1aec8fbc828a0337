using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Strategies;
using MiniQuantDesk.Tests.Domain.Indicators;

namespace MiniQuantDesk.Tests.Domain.Strategies;

/// <summary>
/// Each strategy on real bars (Fixtures/bars) against the signals its rule gives on R's TTR values
/// (Fixtures/ttr, same bars, computed outside the team): the expected timestamps are derived in the test
/// from the reference columns, never from the strategy. Each case also checks that no reference value sits
/// so close to a threshold that 1e-12 of float noise could decide it, and that the rule fires both ways.
/// </summary>
public sealed class StrategyReferenceTests
{
    public static TheoryData<string, string, string> Files => new()
    {
        { "1min/SPY.csv", "1min/SPY.csv", "SPY" },
        { "1min/AAPL.csv", "1min/AAPL.csv", "AAPL" },
        { "extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "SPY" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Rsi_mean_reversion_buys_below_30_and_sells_above_70_of_the_TTR_rsi(string bars, string ttr, string symbol)
    {
        var reference = TtrReference.Load(ttr);
        var rsi = Column(reference, "rsi_14");
        var expected = Expect(reference, i => rsi[i] < 30, i => rsi[i] > 70);
        AssertClear(rsi.Where(double.IsFinite).SelectMany(v => new[] { v - 30, v - 70 }));

        var actual = StrategyRun.Signals(Fixture.Bars(bars, symbol), new RsiMeanReversion(symbol, new RsiMeanReversionOptions()));

        AssertBothWays(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Bollinger_reversion_buys_below_the_lower_band_and_sells_above_the_middle(string bars, string ttr, string symbol)
    {
        var reference = TtrReference.Load(ttr);
        var closes = Fixture.Bars(bars, symbol).Select(b => (double)b.Close).ToArray();
        var lower = Column(reference, "bb_dn");
        var middle = Column(reference, "bb_mavg");
        var expected = Expect(reference, i => closes[i] < lower[i], i => closes[i] > middle[i]);
        AssertClear(Enumerable.Range(0, closes.Length).Where(i => double.IsFinite(lower[i])).SelectMany(i => new[] { closes[i] - lower[i], closes[i] - middle[i] }), relative: 271);

        var actual = StrategyRun.Signals(Fixture.Bars(bars, symbol), new BollingerReversion(symbol, new BollingerReversionOptions()));

        AssertBothWays(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Vwap_reversion_buys_0_2_pct_below_the_session_vwap_and_sells_above_it(string bars, string ttr, string symbol)
    {
        var reference = TtrReference.Load(ttr);
        var closes = Fixture.Bars(bars, symbol).Select(b => (double)b.Close).ToArray();
        var vwap = Column(reference, "vwap");
        var expected = Expect(reference, i => closes[i] < vwap[i] * 0.998, i => closes[i] > vwap[i]);
        AssertClear(Enumerable.Range(0, closes.Length).Where(i => double.IsFinite(vwap[i])).SelectMany(i => new[] { closes[i] - (vwap[i] * 0.998), closes[i] - vwap[i] }), relative: 271);

        var actual = StrategyRun.Signals(Fixture.Bars(bars, symbol), new VwapReversion(symbol, new VwapReversionOptions()));

        AssertBothWays(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sma_crossover_20_50_signals_where_the_TTR_averages_cross(string bars, string ttr, string symbol)
    {
        // TTR has SMA(20) and SMA(50), so the crossover runs with Fast = 20, Slow = 50 here. An exact tie
        // prints as two equal 15-digit values, so |d| < 1e-9 is a tie (d = 0) in the reference.
        var reference = TtrReference.Load(ttr);
        var fast = Column(reference, "sma_20");
        var slow = Column(reference, "sma_50");
        int Sign(int i) => Math.Abs(fast[i] - slow[i]) < 1e-9 ? 0 : Math.Sign(fast[i] - slow[i]);
        var expected = Expect(
            reference,
            i => i > 0 && double.IsFinite(slow[i - 1]) && Sign(i) > 0 && Sign(i - 1) <= 0,
            i => i > 0 && double.IsFinite(slow[i - 1]) && Sign(i) < 0 && Sign(i - 1) >= 0);
        AssertClear(Enumerable.Range(0, fast.Length).Where(i => double.IsFinite(slow[i]) && Sign(i) != 0).Select(i => fast[i] - slow[i]), relative: 1);

        var strategy = new SmaCrossover(symbol, new SmaCrossoverOptions { Fast = 20, Slow = 50 });
        var actual = StrategyRun.Signals(Fixture.Bars(bars, symbol), strategy);

        AssertBothWays(expected);
        Assert.Equal(expected, actual);
    }

    private static double[] Column(TtrReference reference, string name)
    {
        var c = Array.IndexOf(TtrReference.Columns, name);
        return [.. reference.Rows.Select(r => r[c])];
    }

    private static List<(string, SignalKind)> Expect(TtrReference reference, Func<int, bool> buy, Func<int, bool> sell)
    {
        var expected = new List<(string, SignalKind)>();
        for (var i = 0; i < reference.Rows.Count; i++)
        {
            if (buy(i))
            {
                expected.Add((reference.Timestamps[i], SignalKind.Buy));
            }
            else if (sell(i))
            {
                expected.Add((reference.Timestamps[i], SignalKind.Sell));
            }
        }

        return expected;
    }

    /// <summary>No distance to a threshold may be within float noise (so the expected list is unambiguous).</summary>
    private static void AssertClear(IEnumerable<double> distances, double relative = 100)
    {
        var nearest = distances.Where(d => d != 0).Select(Math.Abs).DefaultIfEmpty(1).Min();
        Assert.True(nearest > 1e-9 * relative, $"a reference value is {nearest:R} from a threshold: too close to pin");
    }

    private static void AssertBothWays(List<(string, SignalKind)> expected)
    {
        Assert.Contains(expected, s => s.Item2 == SignalKind.Buy);
        Assert.Contains(expected, s => s.Item2 == SignalKind.Sell);
    }
}
