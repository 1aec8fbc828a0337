using CsCheck;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>
/// Incremental = recomputed from scratch (<see cref="NaiveIndicators"/>) on random series, for every indicator,
/// including the undefined (warm-up) rows. Prices sit on a high level with cent-sized moves and many ties,
/// the case where naive running variances cancel catastrophically.
/// </summary>
public sealed class IncrementalPropertyTests
{
    private const long Iterations = 150;

    /// <summary>(period, prices): prices = level + 0..5 cents, level up to 5000.00; or float-noise doubles.</summary>
    private static readonly Gen<(int, double[])> Series = Gen.Select(
        Gen.Int[1, 30],
        Gen.Int[1, 500_000],
        Gen.Int[0, 5].Array[1, 120],
        Gen.Bool,
        Gen.Double[1, 1000].Array[120],
        (period, level, offsets, noisy, doubles) =>
            (period, offsets.Select((o, i) => noisy ? doubles[i] : (double)((level + o) / 100m)).ToArray()));

    private static readonly Gen<List<Bar>> Bars = Gen.Select(
        Gen.Int[1000, 100_000].Array[1, 120],
        Gen.Int[0, 300].Array[120],
        Gen.Int[0, 300].Array[120],
        Gen.Long[0, 5].Array[120],
        Gen.Int[1, 600].Array[120],
        (closes, ups, downs, volumes, gaps) =>
        {
            var bars = new List<Bar>();
            var start = new DateTimeOffset(2019, 3, 9, 20, 0, 0, TimeSpan.Zero); // spans the 2019-03-10 DST change
            for (var i = 0; i < closes.Length; i++)
            {
                var close = closes[i] / 100m;
                var open = i == 0 ? close : bars[i - 1].Close;
                var high = Math.Max(open, close) + ups[i] / 100m;
                var low = Math.Max(0.01m, Math.Min(open, close) - downs[i] / 100m);
                bars.Add(new Bar("SPY", start, open, high, low, close, volumes[i] == 0 ? 0 : volumes[i] * 1000));
                start = start.AddMinutes(gaps[i]);
            }

            return bars;
        });

    private static void Same(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected undefined, got {actual:R}");
            return;
        }

        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Sma_equals_the_full_window_mean()
    {
        Series.Sample((n, x) =>
        {
            var expected = NaiveIndicators.Sma(x, n);
            var sma = new SimpleMovingAverage(n);
            for (var t = 0; t < x.Length; t++)
            {
                sma.Update(x[t]);
                Same(expected[t], sma.Value, $"sma({n}) t={t}");
                Assert.Equal(!double.IsNaN(expected[t]), sma.IsReady);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Ema_equals_the_replayed_recursion()
    {
        Series.Sample((n, x) =>
        {
            var expected = NaiveIndicators.Ema(x, n);
            var ema = new ExponentialMovingAverage(n);
            for (var t = 0; t < x.Length; t++)
            {
                ema.Update(x[t]);
                Same(expected[t], ema.Value, $"ema({n}) t={t}");
                Assert.Equal(!double.IsNaN(expected[t]), ema.IsReady);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Rsi_equals_the_recomputed_wilder_averages()
    {
        Series.Sample((n, x) =>
        {
            var expected = NaiveIndicators.Rsi(x, n);
            var rsi = new RelativeStrengthIndex(n);
            for (var t = 0; t < x.Length; t++)
            {
                rsi.Update(x[t]);
                Same(expected[t], rsi.Value, $"rsi({n}) t={t}");
                Assert.Equal(t >= n, rsi.IsReady);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Macd_equals_the_difference_of_recomputed_emas()
    {
        Gen.Select(Series, Gen.Int[1, 8], Gen.Int[1, 8], (s, extra, signal) => (s.Item1, s.Item1 + extra, signal, s.Item2)).Sample((fast, slow, signal, x) =>
        {
            var (line, sig, hist) = NaiveIndicators.Macd(x, fast, slow, signal);
            var macd = new MovingAverageConvergenceDivergence(fast, slow, signal);
            for (var t = 0; t < x.Length; t++)
            {
                macd.Update(x[t]);
                Same(line[t], macd.Line, $"macd line t={t}");
                Same(sig[t], macd.Signal, $"macd signal t={t}");
                Same(hist[t], macd.Histogram, $"macd hist t={t}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Bollinger_equals_the_two_pass_population_deviation()
    {
        Series.Sample((n, x) =>
        {
            var (lower, middle, upper) = NaiveIndicators.Bollinger(x, n, 2);
            var bb = new BollingerBands(n, 2);
            for (var t = 0; t < x.Length; t++)
            {
                bb.Update(x[t]);
                Same(lower[t], bb.Lower, $"bb dn({n}) t={t}");
                Same(middle[t], bb.Middle, $"bb mavg({n}) t={t}");
                Same(upper[t], bb.Upper, $"bb up({n}) t={t}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Atr_equals_the_recomputed_true_ranges()
    {
        Gen.Select(Gen.Int[1, 30], Bars).Sample((n, bars) =>
        {
            var expected = NaiveIndicators.Atr(bars, n);
            var atr = new AverageTrueRange(n);
            for (var t = 0; t < bars.Count; t++)
            {
                atr.Update(bars[t]);
                Same(expected[t], atr.Value, $"atr({n}) t={t}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Vwap_equals_the_session_sums_recomputed()
    {
        Bars.Sample(bars =>
        {
            var expected = NaiveIndicators.Vwap(bars);
            var vwap = new SessionVwap();
            for (var t = 0; t < bars.Count; t++)
            {
                vwap.Update(bars[t]);
                Same(expected[t], vwap.Value, $"vwap t={t} {bars[t].Start:O}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_split_applied_mid_series_equals_feeding_pre_divided_bars()
    {
        Gen.Select(Bars, Gen.Int[0, 119], Gen.OneOf(Gen.Const(2m), Gen.Const(7m), Gen.Const(0.5m), Gen.Const(1.5m))).Sample((bars, at, ratio) =>
        {
            var cut = Math.Min(at, bars.Count);
            var split = new IndicatorSet("SPY");
            var divided = new IndicatorSet("SPY");
            for (var t = 0; t < bars.Count; t++)
            {
                if (t == cut)
                {
                    split.ApplySplit(ratio);
                }

                var b = bars[t];
                split.Update(b);
                divided.Update(t < cut
                    ? b with { Open = b.Open / ratio, High = b.High / ratio, Low = b.Low / ratio, Close = b.Close / ratio, Volume = (long)(b.Volume * ratio) }
                    : b);
                if (t < cut)
                {
                    continue;
                }

                Same(divided.Sma.Value, split.Sma.Value, $"sma t={t}");
                Same(divided.Ema.Value, split.Ema.Value, $"ema t={t}");
                Same(divided.Rsi.Value, split.Rsi.Value, $"rsi t={t}");
                Same(divided.Macd.Histogram, split.Macd.Histogram, $"macd t={t}");
                Same(divided.Bollinger.Upper, split.Bollinger.Upper, $"bb t={t}");
                Same(divided.Atr.Value, split.Atr.Value, $"atr t={t}");
                Same(divided.Vwap.Value, split.Vwap.Value, $"vwap t={t}");
            }
        }, iter: Iterations);
    }
}
