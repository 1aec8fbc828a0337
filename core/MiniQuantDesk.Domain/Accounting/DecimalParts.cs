namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// A decimal read once into its parts — sign, a 64-bit magnitude and the scale (value = ±Magnitude × 10^−Scale) —
/// so that exact sums of products can be formed in integers without reading the bits again. A decimal whose
/// 96-bit mantissa does not fit in 64 bits is not <see cref="Fits"/>: callers then use decimal arithmetic.
/// </summary>
public readonly record struct DecimalParts(ulong Magnitude, bool Negative, byte Scale, bool Fits)
{
    public static DecimalParts Of(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        return new DecimalParts(magnitude, bits[3] < 0, (byte)((bits[3] >> 16) & 0xFF), bits[2] == 0);
    }
}
