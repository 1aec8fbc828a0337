namespace MiniQuantDesk.Domain.Accounting;

/// <summary>How far equity stands below a peak, in USD and as a fraction of the peak (0.05 = 5%).</summary>
public readonly record struct Drawdown(decimal Usd, decimal Fraction)
{
    /// <summary>The drawdown of <paramref name="equity"/> from <paramref name="peak"/>; a new high is a zero drawdown.</summary>
    public static Drawdown From(decimal peak, decimal equity)
    {
        var high = Math.Max(peak, equity);
        var usd = high - equity;
        return new Drawdown(usd, high > 0m ? usd / high : 0m);
    }
}
