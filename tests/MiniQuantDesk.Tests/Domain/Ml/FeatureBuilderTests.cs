using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Tests.Domain.Indicators;

namespace MiniQuantDesk.Tests.Domain.Ml;

/// <summary>
/// The features on the real SPY minute bars against values computed independently: indicator-based features
/// from R's TTR reference file (Fixtures/ttr), returns, volatility, volume ratio and time of day written out
/// here from the raw bars.
/// </summary>
public sealed class FeatureBuilderTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Every_feature_of_every_spy_minute_equals_the_independent_value()
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY");
        var ttr = TtrReference.Load("1min/SPY.csv");
        Assert.Equal(bars.Count, ttr.Rows.Count);
        var set = FeatureSetDefinition.Default;
        var builder = new FeatureBuilder("SPY", set);
        var checkedRows = 0;
        for (var t = 0; t < bars.Count; t++)
        {
            builder.Update(bars[t]);
            var vector = builder.Current();
            // MACD's signal line is the slowest warm-up: 26 + 9 - 1 = 34 bars; every other feature is defined by then.
            Assert.Equal(t >= 33, vector is not null);
            if (vector is null)
            {
                continue;
            }

            var expected = Independent(bars, ttr.Rows[t], t);
            Assert.Equal(set.Names, expected.Keys);
            foreach (var (name, value) in expected)
            {
                var got = vector.Values[set.IndexOf(name)];
                Assert.True(Math.Abs(got - value) <= 1e-9 * Math.Max(1, Math.Abs(value)), $"row {t + 1} ({bars[t].Start:O}) {name}: expected {value:R}, got {got:R}");
            }

            checkedRows++;
        }

        Assert.Equal(bars.Count - 33, checkedRows);
    }

    [Fact]
    public void The_live_replay_of_a_window_gives_the_features_of_its_last_bar()
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY");
        var builder = new FeatureBuilder("SPY", FeatureSetDefinition.Default);
        foreach (var bar in bars.Take(500))
        {
            builder.Update(bar);
        }

        var replayed = FeatureBuilder.AtLastBar(bars.Take(500).ToList(), FeatureSetDefinition.Default)!;
        Assert.Equal(bars[499].Start, replayed.BarStart);
        Assert.Equal(builder.Current()!.Values, replayed.Values);
        Assert.Null(FeatureBuilder.AtLastBar(bars.Take(20).ToList(), FeatureSetDefinition.Default));
    }

    [Fact]
    public void Time_of_day_follows_new_york_across_the_daylight_saving_change()
    {
        var summer = Fixture.Bars("extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "SPY");
        var builder = new FeatureBuilder("SPY", FeatureSetDefinition.Default);
        FeatureVector? at1000 = null;
        foreach (var bar in summer)
        {
            builder.Update(bar);
            // 14:00Z in July is 10:00 EDT: 30 minutes after the open.
            if (bar.Start == new DateTimeOffset(2025, 7, 8, 14, 0, 0, TimeSpan.Zero))
            {
                at1000 = builder.Current();
                break;
            }
        }

        Assert.NotNull(at1000);
        Assert.Equal(30.0 / 390.0, at1000.Values[FeatureSetDefinition.Default.IndexOf("time_of_day")], 12);
    }

    /// <summary>The features of row t, from the TTR row and the raw bars, by the formulas in docs/ml.md.</summary>
    private static Dictionary<string, double> Independent(IReadOnlyList<Bar> bars, double[] ttr, int t)
    {
        double Close(int i) => (double)bars[i].Close;
        double Ttr(string column) => ttr[Array.IndexOf(TtrReference.Columns, column)];
        var close = Close(t);
        var oneBar = Enumerable.Range(t - 14, 15).Select(i => Close(i) / Close(i - 1) - 1).ToArray();
        var meanReturn = oneBar.Average();
        var volatility = Math.Sqrt(oneBar.Sum(r => (r - meanReturn) * (r - meanReturn)) / 15);
        var meanVolume = Enumerable.Range(t - 19, 20).Average(i => (double)bars[i].Volume);
        var local = TimeZoneInfo.ConvertTimeFromUtc(bars[t].Start.UtcDateTime, NewYork);
        return new Dictionary<string, double>
        {
            ["ret_1"] = close / Close(t - 1) - 1,
            ["ret_5"] = close / Close(t - 5) - 1,
            ["ret_15"] = close / Close(t - 15) - 1,
            ["ret_30"] = close / Close(t - 30) - 1,
            ["sma_dist"] = close / Ttr("sma_20") - 1,
            ["ema_dist"] = close / Ttr("ema_12") - 1,
            ["rsi"] = Ttr("rsi_14") / 100,
            ["macd_hist"] = Ttr("macd_hist") / close,
            ["bb_pctb"] = (close - Ttr("bb_dn")) / (Ttr("bb_up") - Ttr("bb_dn")),
            ["atr_rel"] = Ttr("atr_14") / close,
            ["vwap_dist"] = close / Ttr("vwap") - 1,
            ["vol_15"] = volatility,
            ["volume_ratio_20"] = bars[t].Volume / meanVolume,
            ["time_of_day"] = (local.Hour * 60 + local.Minute - 570) / 390.0,
        };
    }
}
