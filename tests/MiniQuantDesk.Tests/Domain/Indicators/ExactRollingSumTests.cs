using CsCheck;
using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Tests.Domain.Indicators;

public sealed class ExactRollingSumTests
{
    /// <summary>Decimals with 0..10 decimal places, so some exceed the integer scale and force decimal mode.</summary>
    private static readonly Gen<decimal[]> Values = Gen.Select(Gen.Long[1, 100_000_000_000], Gen.Byte[0, 10], (m, s) => new decimal((int)(m & 0xFFFFFFFF), (int)(m >> 32), 0, false, s)).Array[1, 80];

    [Fact]
    public void Sum_is_exactly_the_decimal_sum_of_the_window()
    {
        Gen.Select(Gen.Int[1, 30], Values, Gen.Int[0, 6]).Sample((n, values, scale) =>
        {
            var sum = new ExactRollingSum(n, scale);
            for (var t = 0; t < values.Length; t++)
            {
                sum.Add(values[t]);
                var expected = values.Skip(Math.Max(0, t - n + 1)).Take(Math.Min(n, t + 1)).Sum();
                Assert.Equal(expected, sum.Sum);
                Assert.Equal(t + 1 >= n, sum.IsReady);
            }
        }, iter: 200);
    }

    /// <summary>
    /// Each value is held exactly (one conversion to units per value, by the double shortcut or from the bits):
    /// signed values of every scale, around the shortcut's 2^46-unit limit and decimal's 64-bit mantissas.
    /// </summary>
    [Fact]
    public void Each_value_converts_to_units_exactly()
    {
        var magnitude = Gen.Frequency(
            (4, Gen.Long[0, 100_000_000_000]),
            (2, Gen.Long[70_368_000_000_000L, 70_369_000_000_000L]),
            (1, Gen.Long[0, long.MaxValue]));
        Gen.Select(magnitude, Gen.Byte[0, 14], Gen.Bool, Gen.Int[0, 12]).Sample((m, s, minus, scale) =>
        {
            var value = new decimal((int)(m & 0xFFFFFFFF), (int)(m >> 32), 0, minus, s);
            var sum = new ExactRollingSum(1, scale);
            sum.Add(value);
            Assert.Equal(value, sum.Sum);
        }, iter: 100_000);
    }

    [Fact]
    public void Compare_means_is_the_exact_sign_of_3_sum10_minus_sum30()
    {
        // Cent prices from a narrow band: exact ties between SMA10 and SMA30 happen often.
        Gen.Int[27_100, 27_104].Array[30, 120].Sample(cents =>
        {
            var fast = new ExactRollingSum(10);
            var slow = new ExactRollingSum(30);
            for (var t = 0; t < cents.Length; t++)
            {
                var price = cents[t] / 100m;
                fast.Add(price);
                slow.Add(price);
                if (!slow.IsReady)
                {
                    continue;
                }

                var sum10 = cents.Skip(t - 9).Take(10).Sum(c => (long)c);
                var sum30 = cents.Skip(t - 29).Take(30).Sum(c => (long)c);
                var expected = (3 * sum10).CompareTo(sum30);
                Assert.Equal(expected, Math.Sign(ExactRollingSum.CompareMeans(fast, slow)));
            }
        }, iter: 200);
    }

    [Fact]
    public void A_tie_that_doubles_get_wrong_is_a_tie()
    {
        // 271.19, 271.21, 271.20 repeated: the last 10 (i = 20..29) are 4×271.20 + 3×271.19 + 3×271.21 = 2712.00,
        // all 30 are 10×813.60 = 8136.00, so 3·sum10 = sum30 exactly: SMA10 = SMA30, no cross.
        var prices = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 271.19m : i % 3 == 1 ? 271.21m : 271.20m).ToArray();
        var fast = new ExactRollingSum(10);
        var slow = new ExactRollingSum(30);
        foreach (var p in prices)
        {
            fast.Add(p);
            slow.Add(p);
        }

        Assert.Equal(2712.00m, fast.Sum);
        Assert.Equal(8136.00m, slow.Sum);
        Assert.Equal(0, ExactRollingSum.CompareMeans(fast, slow));

        // The same running sums in double leave a spurious difference (about 2.7e-12) that would read as a cross.
        double sum10 = 0, sum30 = 0;
        for (var i = 0; i < 30; i++)
        {
            sum30 += (double)prices[i];
            sum10 += i >= 20 ? (double)prices[i] : 0;
        }

        Assert.NotEqual(3 * sum10, sum30);
    }

    [Fact]
    public void Compare_before_ready_is_refused()
    {
        var fast = new ExactRollingSum(10);
        var slow = new ExactRollingSum(30);

        Assert.Throws<InvalidOperationException>(() => ExactRollingSum.CompareMeans(fast, slow));
    }

    [Fact]
    public void Many_decimals_switch_to_decimal_mode_and_stay_exact()
    {
        var sum = new ExactRollingSum(2, scale: 4);
        sum.Add(621.35m);
        Assert.False(sum.IsDecimalMode);
        sum.Add(621.3499755859375m);
        Assert.True(sum.IsDecimalMode);
        sum.Add(1m);

        Assert.Equal(622.3499755859375m, sum.Sum);
    }
}
