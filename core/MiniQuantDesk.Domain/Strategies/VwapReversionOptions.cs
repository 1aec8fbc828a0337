using System.Globalization;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>Settings of <see cref="VwapReversion"/> (section <c>Strategies:VwapReversion</c>).</summary>
public sealed class VwapReversionOptions
{
    public const string SectionName = StrategyOptions.SectionName + ":VwapReversion";

    /// <summary>How far below the session VWAP the close must be to buy, in percent of the VWAP.</summary>
    public double EntryDeviationPct { get; set; } = 0.2;

    public IReadOnlyList<string> Validate() =>
        EntryDeviationPct > 0 && EntryDeviationPct < 50
            ? []
            : [string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(EntryDeviationPct)} must be > 0 and < 50, was {EntryDeviationPct}")];
}
