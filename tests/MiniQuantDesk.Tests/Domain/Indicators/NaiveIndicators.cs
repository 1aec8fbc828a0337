using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>
/// Whole-series recomputations straight from the TTR README definitions: every window re-summed, two-pass
/// variance, the EMA recursion replayed from the first value. Slow and obvious on purpose; NaN = undefined.
/// </summary>
internal static class NaiveIndicators
{
    public static double[] Sma(double[] x, int n) =>
        x.Select((_, t) => t + 1 < n ? double.NaN : Window(x, t, n).Average()).ToArray();

    public static double[] Ema(double[] x, int n) => Seeded(x, n, 2.0 / (n + 1));

    public static double[] Rsi(double[] x, int n)
    {
        var up = x.Select((v, t) => t == 0 ? double.NaN : Math.Max(v - x[t - 1], 0)).ToArray();
        var down = x.Select((v, t) => t == 0 ? double.NaN : Math.Max(x[t - 1] - v, 0)).ToArray();
        var avgUp = Seeded(up, n, 1.0 / n);
        var avgDown = Seeded(down, n, 1.0 / n);
        return avgUp.Select((u, t) => 100 * u / (u + avgDown[t])).ToArray();
    }

    public static (double[] Line, double[] Signal, double[] Hist) Macd(double[] x, int fast, int slow, int signal)
    {
        var f = Ema(x, fast);
        var s = Ema(x, slow);
        var line = f.Select((v, t) => v - s[t]).ToArray();
        var sig = Seeded(line, signal, 2.0 / (signal + 1));
        return (line, sig, line.Select((v, t) => v - sig[t]).ToArray());
    }

    public static (double[] Lower, double[] Middle, double[] Upper) Bollinger(double[] x, int n, double k)
    {
        var mid = Sma(x, n);
        var sd = x.Select((_, t) =>
        {
            if (t + 1 < n)
            {
                return double.NaN;
            }

            var w = Window(x, t, n).ToArray();
            var mean = w.Average();
            return Math.Sqrt(w.Sum(v => (v - mean) * (v - mean)) / n);
        }).ToArray();
        return (mid.Select((m, t) => m - k * sd[t]).ToArray(), mid, mid.Select((m, t) => m + k * sd[t]).ToArray());
    }

    public static double[] Atr(IReadOnlyList<Bar> bars, int n)
    {
        var tr = bars.Select((b, t) => t == 0
            ? double.NaN
            : Math.Max((double)b.High, (double)bars[t - 1].Close) - Math.Min((double)b.Low, (double)bars[t - 1].Close)).ToArray();
        return Seeded(tr, n, 1.0 / n);
    }

    public static double[] Vwap(IReadOnlyList<Bar> bars)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var dates = bars.Select(b => TimeZoneInfo.ConvertTime(b.Start, zone).Date).ToArray();
        return bars.Select((_, t) =>
        {
            double pv = 0;
            long v = 0;
            for (var j = 0; j <= t; j++)
            {
                if (dates[j] == dates[t])
                {
                    pv += ((double)bars[j].High + (double)bars[j].Low + (double)bars[j].Close) / 3 * bars[j].Volume;
                    v += bars[j].Volume;
                }
            }

            return v == 0 ? double.NaN : pv / v;
        }).ToArray();
    }

    /// <summary>TTR EMA over a series whose leading values may be NaN: seed = mean of the first n defined values.</summary>
    private static double[] Seeded(double[] x, int n, double k)
    {
        var result = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        var first = Array.FindIndex(x, v => !double.IsNaN(v));
        if (first < 0 || first + n > x.Length)
        {
            return result;
        }

        result[first + n - 1] = x.Skip(first).Take(n).Average();
        for (var t = first + n; t < x.Length; t++)
        {
            result[t] = result[t - 1] + k * (x[t] - result[t - 1]);
        }

        return result;
    }

    private static IEnumerable<double> Window(double[] x, int t, int n) => x.Skip(t - n + 1).Take(n);
}
