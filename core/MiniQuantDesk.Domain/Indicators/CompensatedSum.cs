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
        Lo += TwoSumError(Hi, x, s);
        Hi = s;
        Renormalize();
    }

    /// <summary>Adds <paramref name="added"/> - <paramref name="removed"/> (a window slide) in one step, exactly.</summary>
    public void Replace(double added, double removed)
    {
        var d = added - removed;
        var e = TwoSumError(added, -removed, d);
        var s = Hi + d;
        Lo += TwoSumError(Hi, d, s) + e;
        Hi = s;
        Renormalize();
    }

    /// <summary>Adds x*x exactly (the rounding error of the product is kept too).</summary>
    public void AddSquare(double x)
    {
        var p = x * x;
        var s = Hi + p;
        Lo += TwoSumError(Hi, p, s) + Math.FusedMultiplyAdd(x, x, -p);
        Hi = s;
        Renormalize();
    }

    /// <summary>Adds added² - removed² exactly (products and their difference keep their rounding errors).</summary>
    public void ReplaceSquare(double added, double removed)
    {
        var p = added * added;
        var q = removed * removed;
        var e = Math.FusedMultiplyAdd(added, added, -p) - Math.FusedMultiplyAdd(removed, removed, -q);
        var d = p - q;
        var s = Hi + d;
        Lo += TwoSumError(Hi, d, s) + TwoSumError(p, -q, d) + e;
        Hi = s;
        Renormalize();
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

    /// <summary>Keeps |Lo| within half an ulp of Hi, so that rounding in Lo and in the variance formula stays of
    /// order eps² of the sum (a flat window then gives a variance of exactly 0, even after a million bars).</summary>
    private void Renormalize()
    {
        var s = Hi + Lo;
        Lo -= s - Hi;
        Hi = s;
    }

    /// <summary>Knuth's TwoSum: the exact rounding error of s = a + b.</summary>
    private static double TwoSumError(double a, double b, double s)
    {
        var bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
