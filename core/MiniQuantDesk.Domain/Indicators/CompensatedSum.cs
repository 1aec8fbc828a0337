namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// A running sum held as an unevaluated pair hi + lo (double-double, Knuth's TwoSum): adding and later
/// subtracting the same values leaves no drift, so a rolling sum stays accurate over millions of bars
/// without re-scanning its window. Squares enter exactly through a fused multiply-add.
/// </summary>
internal struct CompensatedSum
{
    public double Hi;
    public double Lo;

    public readonly double Value => Hi + Lo;

    public void Add(double x)
    {
        var s = Hi + x;
        var bb = s - Hi;
        var err = (Hi - (s - bb)) + (x - bb);
        Hi = s;
        Lo += err;
        Renormalize();
    }

    /// <summary>Adds x*x exactly (the rounding error of the product is kept too).</summary>
    public void AddSquare(double x, double sign)
    {
        var p = x * x;
        var e = Math.FusedMultiplyAdd(x, x, -p);
        Add(sign * p);
        Lo += sign * e;
    }

    /// <summary>
    /// Population variance of a window of <paramref name="n"/> values from their compensated sum and sum of
    /// squares: n*S2 - S1*S1 is formed with the products' rounding errors kept, so equal prices give 0 and
    /// a price of 621 with a spread of a cent loses no digits to cancellation.
    /// </summary>
    public static double PopulationVariance(in CompensatedSum sum, in CompensatedSum sumOfSquares, int n)
    {
        var p = sum.Hi * sum.Hi;
        var e = Math.FusedMultiplyAdd(sum.Hi, sum.Hi, -p) + 2 * sum.Hi * sum.Lo;
        var q = n * sumOfSquares.Hi;
        var f = Math.FusedMultiplyAdd(n, sumOfSquares.Hi, -q) + n * sumOfSquares.Lo;
        var s = q - p;
        var bb = s - q;
        var err = (q - (s - bb)) + (-p - bb);
        var scaled = s + (err + f - e);
        return scaled <= 0 ? 0 : scaled / ((double)n * n);
    }

    public void Reset()
    {
        Hi = 0;
        Lo = 0;
    }

    private void Renormalize()
    {
        var s = Hi + Lo;
        Lo = Lo - (s - Hi);
        Hi = s;
    }
}
