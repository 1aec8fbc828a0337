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

    private static ReadOnlySpan<ulong> PowersOfTen =>
        [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000];
}
