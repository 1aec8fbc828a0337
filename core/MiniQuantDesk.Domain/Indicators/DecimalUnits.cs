namespace MiniQuantDesk.Domain.Indicators;

/// <summary>A decimal as a whole number of 10^-scale units, read from its bits (no decimal arithmetic), when that is exact and small enough.</summary>
internal static class DecimalUnits
{
    /// <summary>
    /// The units of <paramref name="value"/> at <paramref name="scale"/> decimals when the value has at most that
    /// many significant decimals and |units| ≤ <paramref name="maxUnits"/>; false otherwise (nothing is rounded).
    /// </summary>
    public static bool TryToUnits(decimal value, int scale, long maxUnits, out long units)
    {
        // The common case without reading the bits (which costs twice a conversion to double): a value with at
        // most `scale` decimals is a whole number of units. The double conversion times 10^scale (exact for
        // scale ≤ 22) is within 4 ulps of it (a 96-bit mantissa over an exact power of ten, then the product); when
        // that is below 2^46 the units are below 2^47, so even 32 ulps (2^-48 relative) would leave it less than
        // 0.5 from them, and rounding gives the units exactly.
        var scaled = (double)value * PowersOfTenAsDouble[scale];
        if (value.Scale <= scale && Math.Abs(scaled) < TwoToThe46)
        {
            units = (long)Math.Round(scaled);
            return Math.Abs(units) <= maxUnits;
        }

        return TryToUnitsFromBits(value, scale, maxUnits, out units);
    }

    private static bool TryToUnitsFromBits(decimal value, int scale, long maxUnits, out long units)
    {
        units = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0)
        {
            return false;
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        while (valueScale > scale && mantissa % 10 == 0 && mantissa != 0)
        {
            mantissa /= 10;
            valueScale--;
        }

        if (mantissa == 0)
        {
            return true;
        }

        if (valueScale > scale)
        {
            return false;
        }

        var factor = PowersOfTen[scale - valueScale];
        if (mantissa > (ulong)maxUnits / factor)
        {
            return false;
        }

        mantissa *= factor;
        units = bits[3] < 0 ? -(long)mantissa : (long)mantissa;
        return true;
    }

    private const double TwoToThe46 = 70_368_744_177_664.0;

    private static ReadOnlySpan<double> PowersOfTenAsDouble => [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

    private static ReadOnlySpan<ulong> PowersOfTen =>
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000];
}
