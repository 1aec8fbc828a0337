using CsCheck;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>
/// The comparisons the risk screen settles in double when clearly apart (<see cref="DecimalBounds"/>, the drawdown
/// limit) give exactly the decimal comparison: random values at every scale, at and a unit in the last place
/// either side of the bound, and the extremes of decimal.
/// </summary>
public sealed class DecimalBoundsTests
{
    private static readonly decimal[] Bounds = [RiskOptions.SaneUsdLimit, 1_000_000_000m, 10_000_000m, 0.0001m, 0.01m];

    // A decimal near a bound: the bound itself, a last-digit step either side at some scale, or a value anywhere.
    private static readonly Gen<decimal> Near = Gen.Select(Gen.Int[0, Bounds.Length - 1], Gen.Int[0, 28], Gen.Int[-3, 3])
        .Select((b, scale, steps) => Bounds[b] + (steps * Step(scale)));

    private static readonly Gen<decimal> Anywhere = Gen.Frequency(
        (4, Near),
        (4, Gen.Select(Gen.Long, Gen.Int[0, 28]).Select((m, scale) => new decimal(m) * Step(scale))),
        (1, Gen.OneOf(0m, -0m, decimal.MaxValue, decimal.MinValue, 1e-28m, -1e-28m, RiskOptions.SaneUsdLimit * 1.0000000000000000m)));

    [Fact]
    public void AtMost_and_AtLeast_are_the_decimal_comparisons() =>
        Gen.Select(Anywhere, Gen.Int[0, Bounds.Length - 1]).Sample((x, b) =>
        {
            var bound = Bounds[b];
            Assert.Equal(x <= bound, DecimalBounds.AtMost(x, bound));
            Assert.Equal(x >= bound, DecimalBounds.AtLeast(x, bound));
            Assert.Equal(Math.Abs(x) <= bound, DecimalBounds.AtMost(Math.Abs(x), bound));
        }, iter: 50_000);

    // Peaks, equities and limits around the drawdown threshold: equity = peak × (1 − pct/100) exactly, then a
    // last-digit step either side; plus huge magnitudes where the double shortcut stands aside.
    [Fact]
    public void The_drawdown_limit_is_the_decimal_comparison() =>
        Gen.Select(Gen.Int[1, 2_000_000_000], Gen.Int[0, 6], Gen.Int[1, 10_000], Gen.Int[-3, 3], Gen.Int[0, 20]).Sample((cents, scale, pctHundredths, steps, extra) =>
        {
            var peak = cents * Step(scale);
            var pct = pctHundredths / 100m;
            var equity = (peak * (1m - (pct / 100m))) + (steps * Step(scale + extra));
            foreach (var (e, day, all, dayPct, allPct) in new[]
            {
                (equity, peak, peak * 2m, pct, 100m), (equity, peak * 1e18m, peak, 100m, pct), (-equity, peak, peak, pct, pct),
                (equity, peak, -peak, pct, pct), (equity * 1e18m, peak * 1e18m, peak, pct, pct),
            })
            {
                var expected = Outcome(() => Reference(e, day, dayPct) || Reference(e, all, allPct));
                Assert.Equal(expected, Outcome(() => DrawdownBreaker.LimitReached(e, day, all, dayPct, allPct)));
            }
        }, iter: 50_000);

    private static bool Reference(decimal equity, decimal peak, decimal pct) => peak > 0 && (peak - equity) * 100m >= pct * peak;

    // An overflow of the decimal products is part of the behaviour to keep.
    private static string Outcome(Func<bool> comparison)
    {
        try
        {
            return comparison() ? "reached" : "not reached";
        }
        catch (OverflowException)
        {
            return "overflow";
        }
    }

    // 10^-scale, written directly (mantissa 1).
    private static decimal Step(int scale) => new(1, 0, 0, false, (byte)Math.Min(scale, 28));
}
