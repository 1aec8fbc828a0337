using CsCheck;
using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Tests.Domain.Indicators;

/// <summary>The crossover's one-window spread agrees with two <see cref="ExactRollingSum"/> windows on every bar, ties included.</summary>
public sealed class ExactMeanSpreadTests
{
    // Mostly cent prices from a narrow band (ties happen), sometimes a value with 7+ decimals or a negative one
    // (the window then switches to decimal arithmetic).
    private static readonly Gen<decimal> Value = Gen.Frequency(
        (20, Gen.Int[27_100, 27_104].Select(c => c / 100m)),
        (4, Gen.Int[1, 9_999_999].Select(u => u / 10_000m)),
        (1, Gen.Int[-5_000_000, 5_000_000].Select(u => u / 10_000_000m)));

    [Fact]
    public void Sign_equals_the_two_window_comparison_on_every_bar() =>
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 30], Value.Array[1, 200]).Sample((fast, extra, values) =>
        {
            var slow = fast + extra;
            var spread = new ExactMeanSpread(fast, slow);
            var a = new ExactRollingSum(fast);
            var b = new ExactRollingSum(slow);
            foreach (var v in values)
            {
                spread.Add(v);
                a.Add(v);
                b.Add(v);
                Assert.Equal(b.IsReady, spread.IsReady);
                if (spread.IsReady)
                {
                    Assert.Equal(ExactRollingSum.CompareMeans(a, b), spread.Sign());
                }
            }
        });

    // Any scale 0..9, magnitudes up to ~1e9 (around where the 10^-6 units leave the double shortcut, 2^46 units
    // ≈ 7e7), ties from repeated values.
    private static readonly Gen<decimal> AnyValue = Gen.Frequency(
        (6, Value),
        (3, Gen.Select(Gen.Long[-1_000_000_000_000_000L, 1_000_000_000_000_000L], Gen.Int[0, 9]).Select((m, scale) => new decimal(m) * new decimal(1, 0, 0, false, (byte)scale))),
        (2, Gen.Select(Gen.Long[70_368_000_000_000L, 70_369_000_000_000L], Gen.Int[4, 7], Gen.Bool).Select((m, scale, minus) => new decimal(minus ? -m : m) * new decimal(1, 0, 0, false, (byte)scale))));

    [Fact]
    public void Sign_equals_the_comparison_of_the_means_in_decimal() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 12], AnyValue.Array[1, 60]).Sample((fast, extra, values) =>
        {
            var slow = fast + extra;
            var spread = new ExactMeanSpread(fast, slow);
            for (var i = 0; i < values.Length; i++)
            {
                spread.Add(values[i]);
                if (i + 1 >= slow)
                {
                    var fastSum = values[(i + 1 - fast)..(i + 1)].Sum();
                    var slowSum = values[(i + 1 - slow)..(i + 1)].Sum();
                    Assert.Equal((fastSum * slow).CompareTo(slowSum * fast), spread.Sign());
                }
            }
        }, iter: 20_000);

    [Fact]
    public void An_exact_tie_is_zero_and_a_cent_either_way_is_not()
    {
        // fast 2 / slow 4 over 1, 2, 2, 1: mean(2, 1) = 1.5 = mean(1, 2, 2, 1). Then 1.01 tips it down:
        // mean(1, 1.01) = 1.005 < mean(2, 2, 1, 1.01) = 1.5025.
        var spread = new ExactMeanSpread(2, 4);
        foreach (var v in new[] { 1m, 2m, 2m, 1m })
        {
            spread.Add(v);
        }

        Assert.Equal(0, spread.Sign());
        spread.Add(1.01m);
        Assert.Equal(-1, spread.Sign());
    }

    [Fact]
    public void A_value_with_more_than_six_decimals_switches_to_decimal_and_stays_exact()
    {
        // 0.1234567 does not fit 10^-6 units. fast 1 / slow 2 over 0.1234567, 0.1234567: a tie.
        var spread = new ExactMeanSpread(1, 2);
        spread.Add(0.1234567m);
        spread.Add(0.1234567m);
        Assert.True(spread.IsDecimalMode);
        Assert.Equal(0, spread.Sign());
        spread.Add(0.1234568m);
        Assert.Equal(1, spread.Sign());
    }

    [Fact]
    public void Bad_periods_and_an_early_comparison_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactMeanSpread(3, 3));
        var spread = new ExactMeanSpread(1, 2);
        spread.Add(1m);
        Assert.Throws<InvalidOperationException>(() => spread.Sign());
    }
}
