using CsCheck;
using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Tests.Domain.Backtest;

/// <summary>
/// The summary's Sharpe ratio (exact decimal differences, compensated double sums) against the plain formula
/// in decimal — returns, mean and variance in 28 digits, as the summary computed it before — on random equity
/// curves: within 1e-11 relative, a hundredfold inside the 1e-9 the reference comparison allows.
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

            var expected = DecimalSharpe(rows);
            var actual = PerformanceStatistics.Sharpe(rows);
            Assert.Equal(expected is null, actual is null);
            if (expected is { } e)
            {
                Assert.True(Math.Abs(e - actual!.Value) <= 1e-11 * Math.Abs(e), $"expected {e:R}, got {actual:R}");
            }
        });

    [Fact]
    public void A_flat_or_constant_return_curve_has_no_sharpe()
    {
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 100_000m), Row(1, 100_000m), Row(2, 100_000.00m), Row(3, 100_000m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 1m), Row(1, 2m), Row(2, 4m), Row(3, 8m), Row(4, 16m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 1m), Row(1, 2m)]));
        Assert.Null(PerformanceStatistics.Sharpe([Row(0, 0m), Row(1, 2m), Row(2, 3m)]));
    }

    private static EquityPoint Row(int minute, decimal equity) => new(Start.AddMinutes(minute), equity, 0m, equity);

    private static double? DecimalSharpe(List<EquityPoint> rows)
    {
        var n = rows.Count - 1;
        if (n < 2 || rows.Take(n).Any(r => r.Equity <= 0m))
        {
            return null;
        }

        var returns = Enumerable.Range(0, n).Select(i => (rows[i + 1].Equity / rows[i].Equity) - 1m).ToArray();
        var mean = returns.Sum() / n;
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (n - 1);
        return variance == 0m ? null : (double)mean / Math.Sqrt((double)variance) * Math.Sqrt(BacktestSummary.AnnualisationPeriods);
    }
}
