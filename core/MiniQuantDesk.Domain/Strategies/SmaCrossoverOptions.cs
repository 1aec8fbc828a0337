namespace MiniQuantDesk.Domain.Strategies;

/// <summary>Settings of <see cref="SmaCrossover"/> (section <c>Strategies:SmaCrossover</c>).</summary>
public sealed class SmaCrossoverOptions
{
    public const string SectionName = StrategyOptions.SectionName + ":SmaCrossover";

    /// <summary>Bars in the fast moving average.</summary>
    public int Fast { get; set; } = 10;

    /// <summary>Bars in the slow moving average.</summary>
    public int Slow { get; set; } = 30;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Fast < 1)
        {
            errors.Add($"{SectionName}:{nameof(Fast)} must be >= 1, was {Fast}");
        }

        if (Slow < 2 || Slow > 100_000)
        {
            errors.Add($"{SectionName}:{nameof(Slow)} must be between 2 and 100000, was {Slow}");
        }

        if (Fast >= 1 && Slow >= 2 && Fast >= Slow)
        {
            errors.Add($"{SectionName}:{nameof(Fast)} must be < {nameof(Slow)}, was {Fast} vs {Slow}");
        }

        return errors;
    }
}
