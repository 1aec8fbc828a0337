namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// x ≤ bound and x ≥ bound for decimals, exactly, settled in double when x is clearly on one side. A decimal
/// comparison of operands of different scales rescales a 96-bit mantissa (several times the cost of a
/// conversion to double), and the risk screen makes a dozen of them per intent against round bounds the
/// inputs are nowhere near. (double)x is within 2⁻⁵⁰ of x, relatively (a few roundings of the mantissa and of
/// the power of ten), so a double more than a millionth inside the bound decides; only a value that close to
/// the bound, or beyond it, is compared in decimal.
/// </summary>
public static class DecimalBounds
{
    private const double Inside = 1e-6;

    /// <summary>x ≤ <paramref name="bound"/>, for a bound &gt; 0.</summary>
    public static bool AtMost(decimal x, decimal bound) => (double)x < (double)bound * (1 - Inside) || x <= bound;

    /// <summary>x ≥ <paramref name="bound"/>, for a bound &gt; 0.</summary>
    public static bool AtLeast(decimal x, decimal bound) => (double)x > (double)bound * (1 + Inside) || x >= bound;
}
