namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// Tells a split from drift when the broker's quantity differs from the books: after a split the quantity
/// changes by the split ratio while the position's cost stays the same (qty × ratio, price / ratio). A
/// known split list confirms the ratio when one is configured; without one, the cost test alone decides.
/// </summary>
public static class SplitRecognition
{
    private static readonly decimal[] CommonRatios = [2m, 3m, 4m, 5m, 7m, 8m, 10m, 15m, 20m, 1m / 2m, 1m / 3m, 1m / 4m, 1m / 5m, 1m / 8m, 1m / 10m, 1m / 20m, 3m / 2m];

    /// <summary>The split ratio (new shares per old share) that explains the difference, or null when it is drift.</summary>
    public static decimal? RatioOf(decimal deskQuantity, decimal deskCost, decimal brokerQuantity, decimal brokerCost, decimal? knownRatio = null)
    {
        if (deskQuantity == 0m || brokerQuantity == 0m || Math.Sign(deskQuantity) != Math.Sign(brokerQuantity) || deskCost == 0m)
        {
            return null;
        }

        var ratio = brokerQuantity / deskQuantity;
        var candidates = knownRatio is { } known ? [known] : CommonRatios;
        var match = candidates.FirstOrDefault(c => Math.Abs(ratio - c) <= 0.0001m * c);
        if (match == 0m)
        {
            return null;
        }

        // The cost basis must survive the split (within 1 %: brokers round the new average price).
        return Math.Abs(brokerCost - deskCost) <= 0.01m * Math.Abs(deskCost) ? match : null;
    }
}
