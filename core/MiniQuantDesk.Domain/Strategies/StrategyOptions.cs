namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// Every strategy's settings, bound from the section <c>Strategies</c> (environment:
/// <c>Strategies__SmaCrossover__Fast</c>). <see cref="Validate"/> names each bad setting
/// (<c>Strategies:SmaCrossover:Fast must be &lt; Slow, was 30 vs 10</c>).
/// </summary>
public sealed class StrategyOptions
{
    public const string SectionName = "Strategies";

    public SmaCrossoverOptions SmaCrossover { get; set; } = new();

    public RsiMeanReversionOptions RsiMeanReversion { get; set; } = new();

    public BollingerReversionOptions BollingerReversion { get; set; } = new();

    public VwapReversionOptions VwapReversion { get; set; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Section(errors, nameof(SmaCrossover), SmaCrossover, o => o.Validate());
        Section(errors, nameof(RsiMeanReversion), RsiMeanReversion, o => o.Validate());
        Section(errors, nameof(BollingerReversion), BollingerReversion, o => o.Validate());
        Section(errors, nameof(VwapReversion), VwapReversion, o => o.Validate());
        return errors;
    }

    internal static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }
    }

    private static void Section<T>(List<string> errors, string name, T? options, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        if (options is null)
        {
            errors.Add($"{SectionName}:{name} must be set, was null");
            return;
        }

        errors.AddRange(validate(options));
    }
}
