using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>
/// AAPL across its 7-for-1 split (ex-date 2014-06-09), as traded: indicators fed the raw bars with the split
/// applied before the first ex-date bar must equal indicators fed bars pre-divided by 7 (volumes times 7).
/// </summary>
public sealed class SplitAdjustmentTests
{
    private static readonly DateOnly ExDate = new(2014, 6, 9);

    private static (IReadOnlyList<Bar> AsTraded, List<Bar> PreDivided) Series()
    {
        var bars = Fixture.Bars("extra/lean/AAPL_2014-06-05_2014-06-09_split.csv", "AAPL");
        var preDivided = bars.Select(b => NewYorkTime.SessionDate(b.Start) < ExDate
            ? b with { Open = b.Open / 7m, High = b.High / 7m, Low = b.Low / 7m, Close = b.Close / 7m, Volume = b.Volume * 7 }
            : b).ToList();
        return (bars, preDivided);
    }

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), what);
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Sma_with_the_split_applied_equals_sma_of_pre_divided_bars()
    {
        var (asTraded, preDivided) = Series();
        var splits = new SplitList([new SplitEvent("AAPL", ExDate, 7m)]);
        var raw = new SimpleMovingAverage(20);
        var adjusted = new SimpleMovingAverage(20);
        var comparedAfterSplit = 0;
        DateOnly? previousSession = null;
        for (var i = 0; i < asTraded.Count; i++)
        {
            var session = NewYorkTime.SessionDate(asTraded[i].Start);
            if (previousSession is { } prev && splits.RatioBetween("AAPL", prev, session) is var ratio && ratio != 1m)
            {
                raw.ApplySplit(ratio);
            }

            previousSession = session;
            raw.Update(asTraded[i]);
            adjusted.Update(preDivided[i]);
            if (session >= ExDate)
            {
                Close(adjusted.Value, raw.Value, $"row {i + 1} {asTraded[i].Start:O}");
                comparedAfterSplit++;
            }
        }

        Assert.True(comparedAfterSplit > 100);
    }

    [Fact]
    public void Every_indicator_of_the_set_continues_across_the_split()
    {
        var (asTraded, preDivided) = Series();
        var raw = new IndicatorSet("AAPL");
        var adjusted = new IndicatorSet("AAPL");
        var split = false;
        for (var i = 0; i < asTraded.Count; i++)
        {
            if (!split && NewYorkTime.SessionDate(asTraded[i].Start) >= ExDate)
            {
                raw.ApplySplit(7m);
                split = true;
            }

            raw.Update(asTraded[i]);
            adjusted.Update(preDivided[i]);
            if (!split)
            {
                continue;
            }

            var what = $"row {i + 1}";
            Close(adjusted.Sma.Value, raw.Sma.Value, what + " sma");
            Close(adjusted.Ema.Value, raw.Ema.Value, what + " ema");
            Close(adjusted.Rsi.Value, raw.Rsi.Value, what + " rsi");
            Close(adjusted.Macd.Line, raw.Macd.Line, what + " macd");
            Close(adjusted.Macd.Signal, raw.Macd.Signal, what + " macd signal");
            Close(adjusted.Bollinger.Upper, raw.Bollinger.Upper, what + " bb up");
            Close(adjusted.Bollinger.Lower, raw.Bollinger.Lower, what + " bb dn");
            Close(adjusted.Atr.Value, raw.Atr.Value, what + " atr");
            Close(adjusted.Vwap.Value, raw.Vwap.Value, what + " vwap");
        }

        Assert.True(split);
    }

    [Fact]
    public void Without_the_split_the_first_ex_date_values_are_far_off()
    {
        var (asTraded, preDivided) = Series();
        var firstAfter = asTraded.Select((b, i) => (b, i)).First(x => NewYorkTime.SessionDate(x.b.Start) >= ExDate).i;
        var raw = new SimpleMovingAverage(20);
        var adjusted = new SimpleMovingAverage(20);
        for (var i = 0; i <= firstAfter; i++)
        {
            raw.Update(asTraded[i]);
            adjusted.Update(preDivided[i]);
        }

        Assert.True(raw.Value > 5 * adjusted.Value);
    }

    [Fact]
    public void Exact_rolling_sum_applies_a_split_by_decimal_division()
    {
        var sum = new ExactRollingSum(3, scale: 2);
        sum.Add(700m);
        sum.Add(707m);
        sum.Add(714m);

        sum.ApplySplit(7m);
        sum.Add(103m);

        Assert.Equal(101m + 102m + 103m, sum.Sum);
    }
}
