using System.Globalization;

namespace MiniQuantDesk.Domain.MarketData;

/// <summary>Limits of the <see cref="BarValidator"/>, bound from the "MarketData" configuration section.</summary>
public sealed class BarValidationOptions
{
    public const string Section = "MarketData";

    /// <summary>Bar length: a bar ends at start + interval.</summary>
    public TimeSpan BarInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after its END a bar may still be acted on.</summary>
    public TimeSpan MaxStaleness { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>No US equity trades above this: a larger price is a feed error.</summary>
    public decimal MaxPrice { get; init; } = 1_000_000m;

    /// <summary>
    /// Largest move of any price from the previous close (after known splits), as a fraction: 0.5 = 50 %.
    /// Real crashes and squeezes stay well inside (SPY -10.9 % on 2020-03-16, TSLA +19.9 % in a day); an
    /// unannounced 7-for-1 split (-86 %) does not.
    /// </summary>
    public decimal MaxMoveFromPreviousClose { get; init; } = 0.5m;

    /// <summary>Every invalid setting, each named; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BarInterval <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(BarInterval)} must be > 0, was {BarInterval}"));
        }

        if (MaxStaleness < TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(MaxStaleness)} must be >= 0, was {MaxStaleness}"));
        }

        if (MaxPrice <= 0m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(MaxPrice)} must be > 0, was {MaxPrice}"));
        }

        if (MaxMoveFromPreviousClose <= 0m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(MaxMoveFromPreviousClose)} must be > 0, was {MaxMoveFromPreviousClose}"));
        }

        return errors;
    }
}
