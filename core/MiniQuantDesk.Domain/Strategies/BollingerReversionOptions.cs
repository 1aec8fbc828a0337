namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// Settings of <see cref="BollingerReversion"/> (section <c>Strategies:BollingerReversion</c>). The band
/// itself (period, width) is <c>Indicators:BollingerPeriod</c> / <c>Indicators:BollingerWidth</c>.
/// </summary>
public sealed class BollingerReversionOptions
{
    public const string SectionName = StrategyOptions.SectionName + ":BollingerReversion";

    /// <summary>Where the reversion is taken: back to the middle band (default) or all the way to the upper band.</summary>
    public BollingerExit Exit { get; set; } = BollingerExit.Middle;

    public IReadOnlyList<string> Validate() =>
        Enum.IsDefined(Exit) ? [] : [$"{SectionName}:{nameof(Exit)} must be Middle or Upper, was {(int)Exit}"];
}
