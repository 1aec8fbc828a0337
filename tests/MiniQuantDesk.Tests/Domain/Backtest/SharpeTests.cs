using System.Numerics;
using CsCheck;
using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Tests.Domain.Backtest;

/// <summary>
/// The summary's Sharpe ratio (exact decimal differences, compensated double sums) against the formula in
/// 60-digit fixed point on random equity curves: within 1e-11 relative, a hundredfold inside the 1e-9 the
/// reference comparison allows. (Not against the formula in decimal: with returns of 1e-9, a square has only
/// its first ten digits above decimal's 28th place, and that formula is the one off by 3e-11.)
/// </summary>
public sealed class SharpeTests
{
    private static readonly DateTimeOffset Start = new(2025, 7, 1, 13, 30, 0, TimeSpan.Zero);

    // Equity rows as a run makes them: flat stretches (repeated values, often with another scale), cent and
    // sub-cent moves around 1e5, now and then a large jump; plus tiny and huge accounts.
    private static readonly Gen<decimal> Step = Gen.Frequency(
        (6, Gen.Const(0m)),
        (10, Gen.Int[-5_000, 5_000].Select(c => c / 100m)),
        (4, Gen.Int[-5_000_000, 5_000_000].Select(u => u / 10_000m)),
        (1, Gen.Int[-2_000_000, 2_000_000].Select(c => c / 100m)));

    private static readonly Gen<decimal> Opening = Gen.Frequency(
        (8, Gen.Const(100_000m)),
        (1, Gen.Int[1, 1_000].Select(c => c / 100m)),
        (1, Gen.Long[1_000_000_000L, 1_000_000_000_000L].Select(c => c / 100m)));

    [Fact]
    public void Sharpe_agrees_with_the_decimal_formula() =>
        Gen.Select(Opening, Step.Array[0, 400], Gen.Bool).Sample((opening, steps, rescale) =>
        {
            var rows = new List<EquityPoint>();
            var value = opening;
            rows.Add(Row(0, value));
            for (var i = 0; i < steps.Length; i++)
            {
                value = Math.Max(0.01m, value + steps[i]);

                // The same value at another scale (cash + shares × close can carry more decimals than the last row).
                rows.Add(Row(i + 1, rescale && i % 3 == 0 ? value * 1.0000m : value));
            }

            var expected = FixedPointSharpe(rows);
            var actual = PerformanceStatistics.Sharpe(rows);
            Assert.Equal(expected is null, actual is null);
            if (expected is { } e)
            {
                Assert.True(Math.Abs(e - actual!.Value) <= 1e-11 * Math.Abs(e), $"expected {e:R}, got {actual:R}");
            }
        }, iter: 5_000);

    [Fact]
    public void A_flat_or_constant_return_curve_has_no_sharpe()
    {
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 100_000m), Row(1, 100_000m), Row(2, 100_000.00m), Row(3, 100_000m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 1m), Row(1, 2m), Row(2, 4m), Row(3, 8m), Row(4, 16m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 1m), Row(1, 2m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 0m), Row(1, 2m), Row(2, 3m)]));
    }

    private static EquityPoint Row(int minute, decimal equity) => new(Start.AddMinutes(minute), equity, 0m, equity);

    private static double? FixedPointSharpe(List<EquityPoint> rows)
    {
        var n = rows.Count - 1;
        if (n < 2 || rows.Take(n).Any(r => r.Equity <= 0m))
        {
            return null;
        }

        // r_i × 10^60, truncated: each return within 1e-60 of the exact one.
        var one = BigInteger.Pow(10, 60);
        var returns = new BigInteger[n];
        for (var i = 0; i < n; i++)
        {
            var (previous, current) = (Exact(rows[i].Equity), Exact(rows[i + 1].Equity));
            returns[i] = (current - previous) * one / previous;
        }

        var sum = returns.Aggregate(BigInteger.Zero, (a, r) => a + r);
        var squares = returns.Aggregate(BigInteger.Zero, (a, r) => a + (((n * r) - sum) * ((n * r) - sum)));
        if (squares.IsZero)
        {
            return null;
        }

        // mean = sum / n, variance = squares / (n² (n − 1)), both × the scale (squared for the variance).
        var mean = (double)sum / n;
        var sd = Math.Sqrt((double)squares / ((double)n * n * (n - 1)));
        return mean / sd * Math.Sqrt(BacktestSummary.AnnualisationPeriods);
    }

    // The decimal × 10^28, as an integer (every decimal is a whole number of 10^-28).
    private static BigInteger Exact(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var scaled = mantissa * BigInteger.Pow(10, 28 - scale);
        return bits[3] < 0 ? -scaled : scaled;
    }
}
