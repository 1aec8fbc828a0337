using CsCheck;
using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Tests.Domain.Accounting;

/// <summary>
/// The equity <see cref="MarkedHoldings"/> forms from integers is, bit for bit (value, scale and sign), the decimal
/// that <c>cash + q₀·p₀ + q₁·p₁ + …</c> gives with the decimal operators: random books of cent and sub-cent
/// prices, whole and fractional, long and short quantities, tiny and huge magnitudes, zeros of every scale.
/// </summary>
public sealed class MarkedHoldingsTests
{
    // A decimal of some scale: mostly the backtest's kind (prices of 0-4 decimals, whole shares, cash in cents), also anything.
    private static readonly Gen<decimal> Value = Gen.Frequency(
        (6, Gen.Select(Gen.Long[-100_000_000, 100_000_000], Gen.Int[0, 4]).Select((m, s) => new decimal(m) / Pow10(s))),
        (3, Gen.Select(Gen.Long, Gen.Int[0, 28]).Select((m, s) => new decimal(m) / Pow10(s))),
        (2, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28]).Select((lo, mid, hi, neg, s) => new decimal(lo, mid, hi, neg, s))),
        (1, Gen.OneOf(Gen.Const(0m), Gen.Const(-0m), Gen.Const(0.0000m), Gen.Const(1e-28m), Gen.Const(79228162514264337593543950335m), Gen.Const(-1.00m))));

    private static decimal Pow10(int s)
    {
        var p = 1m;
        for (var i = 0; i < s; i++)
        {
            p *= 10m;
        }

        return p;
    }

    [Fact]
    public void Equity_is_the_decimal_sum_bit_for_bit() =>
        Gen.Select(Gen.Int[1, 8], Value, Value.Array[8], Gen.Select(Gen.Int[0, 2], Gen.Int[0, 7], Value).Array[1, 40]).Sample((slots, cash, firstPrices, ops) =>
        {
            var marks = new MarkedHoldings(slots, cash);
            var quantities = new decimal[slots];
            var prices = new decimal[slots];
            for (var slot = 0; slot < slots; slot++)
            {
                marks.SetPrice(slot, firstPrices[slot]);
                prices[slot] = firstPrices[slot];
            }

            var money = cash;
            Same(Reference(money, quantities, prices), marks);
            foreach (var (kind, at, value) in ops)
            {
                var slot = at % slots;
                switch (kind)
                {
                    case 0:
                        marks.SetQuantity(slot, value);
                        quantities[slot] = value;
                        break;
                    case 1:
                        marks.SetPrice(slot, value);
                        prices[slot] = value;
                        break;
                    default:
                        marks.Cash = value;
                        money = value;
                        break;
                }

                Same(Reference(money, quantities, prices), marks);
            }
        }, iter: 20_000);

    [Fact]
    public void A_typical_book_matches_including_the_scale()
    {
        var marks = new MarkedHoldings(3, 100_000.00m);
        marks.SetQuantity(0, 36m);
        marks.SetPrice(0, 271.2399m);
        marks.SetQuantity(2, -5m);
        marks.SetPrice(2, 93.5m);
        marks.SetPrice(1, 10.123456789m);
        marks.Cash = 90_000.10m;

        // 90000.10 + 36 × 271.2399 + (−5) × 93.5, written out: 90000.10 + 9764.6364 − 467.5 = 99297.2364 (scale 4).
        Assert.Equal("99297.2364", marks.Equity().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Position_figures_are_the_decimal_sums_in_value() =>
        Gen.Select(Gen.Int[1, 8], Value, Gen.Select(Value, Value, Value).Array[8], Gen.Int[0, 7]).Sample((slots, cash, positions, own) =>
        {
            var marks = new MarkedHoldings(slots, cash);
            decimal others = 0m, largest = 0m, unrealised = 0m;
            var exact = true;
            for (var slot = 0; slot < slots; slot++)
            {
                var (quantity, cost, price) = positions[slot];
                marks.SetPrice(slot, price);
                marks.SetPosition(slot, quantity, cost);
                if (quantity == 0m)
                {
                    continue;
                }

                try
                {
                    var value = quantity * price;
                    largest = Math.Max(largest, Math.Abs(value));
                    unrealised += value - cost;
                    others += slot == own % slots ? 0m : Math.Abs(value);
                }
                catch (OverflowException)
                {
                    exact = false;
                }
            }

            if (marks.TryPositionFigures(own % slots, out var o, out var l, out var u))
            {
                Assert.True(exact);
                Assert.Equal(others, o);
                Assert.Equal(largest, l);
                Assert.Equal(unrealised, u);
            }
        }, iter: 20_000);

    [Fact]
    public void Position_figures_of_a_typical_book_are_summed_in_integers()
    {
        var marks = new MarkedHoldings(3, 50_000m);
        marks.SetPrice(0, 271.2399m);
        marks.SetPosition(0, 36m, 9_760.32m);
        marks.SetPrice(1, 93.5m);
        marks.SetPosition(1, 20m, 1_900.00m);
        marks.SetPrice(2, 10m);

        // Values 36 × 271.2399 = 9764.6364 and 20 × 93.5 = 1870.0; unrealised (9764.6364 − 9760.32) + (1870.0 − 1900.00) = −25.6836.
        Assert.True(marks.TryPositionFigures(0, out var others, out var largest, out var unrealised));
        Assert.Equal(1_870m, others);
        Assert.Equal(9_764.6364m, largest);
        Assert.Equal(-25.6836m, unrealised);
    }

    [Theory]
    [InlineData("-100.00", "10", "10.0")]
    [InlineData("100.0000", "-4", "25")]
    [InlineData("-0.00", "3", "0.00")]
    [InlineData("0", "-2", "-0.5")]
    public void Zero_totals_and_zero_prices_keep_the_decimal_scale_and_sign(string cash, string quantity, string price)
    {
        var c = decimal.Parse(cash, System.Globalization.CultureInfo.InvariantCulture);
        var q = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);
        var p = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        var marks = new MarkedHoldings(2, c);
        marks.SetPrice(1, p);
        marks.SetQuantity(1, q);
        Same(Reference(c, [0m, q], [0m, p]), marks);
        marks.SetPrice(0, p);
        marks.SetQuantity(0, q);
        marks.Cash = c + c;
        Same(Reference(c + c, [q, q], [p, p]), marks);
    }

    private static decimal? Reference(decimal cash, decimal[] quantities, decimal[] prices)
    {
        try
        {
            var equity = cash;
            for (var i = 0; i < quantities.Length; i++)
            {
                if (quantities[i] != 0m)
                {
                    equity += quantities[i] * prices[i];
                }
            }

            return equity;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static void Same(decimal? expected, MarkedHoldings marks)
    {
        if (expected is not { } e)
        {
            Assert.Throws<OverflowException>(() => marks.Equity());
            return;
        }

        var actual = marks.Equity();
        Assert.Equal(decimal.GetBits(e), decimal.GetBits(actual));
    }
}
