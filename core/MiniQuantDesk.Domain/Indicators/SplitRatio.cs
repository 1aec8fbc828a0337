namespace MiniQuantDesk.Domain.Indicators;

/// <summary>Checks a split ratio once, so every indicator refuses a bad one with the same sentence.</summary>
internal static class SplitRatio
{
    public static double ToDouble(decimal ratio)
    {
        if (ratio <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "a split ratio must be > 0 (7 for a 7-for-1 split)");
        }

        return (double)ratio;
    }
}
