using System.Globalization;

namespace MiniQuantDesk.Domain.Portfolio;

/// <summary>Settings of the <see cref="PortfolioManager"/>, bound from the section <c>Portfolio</c>.</summary>
public sealed class PortfolioOptions
{
    public const string SectionName = "Portfolio";

    /// <summary>
    /// Fraction of equity all strategy sleeves may hold together (0.95 = 95 %). Each (strategy, symbol)
    /// sleeve gets an equal share: Allocation / (strategies × symbols).
    /// </summary>
    public decimal Allocation { get; set; } = 0.95m;

    /// <summary>Sell everything at the last bar of each session (nothing is carried overnight).</summary>
    public bool FlattenAtSessionClose { get; set; } = true;

    /// <summary>Optional stop-loss the broker holds for each entry, in percent below the entry's reference price.</summary>
    public decimal? StopLossPct { get; set; }

    /// <summary>Optional take-profit the broker holds for each entry, in percent above the entry's reference price.</summary>
    public decimal? TakeProfitPct { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Allocation <= 0m || Allocation > 1m)
        {
            errors.Add(Setting(nameof(Allocation), "must be > 0 and <= 1", Allocation));
        }

        if (StopLossPct is { } stop && (stop <= 0m || stop >= 100m))
        {
            errors.Add(Setting(nameof(StopLossPct), "must be > 0 and < 100 when set", stop));
        }

        if (TakeProfitPct is { } take && (take <= 0m || take > 1000m))
        {
            errors.Add(Setting(nameof(TakeProfitPct), "must be > 0 and <= 1000 when set", take));
        }

        return errors;
    }

    private static string Setting(string name, string rule, decimal value) =>
        string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule}, was {value}");
}
