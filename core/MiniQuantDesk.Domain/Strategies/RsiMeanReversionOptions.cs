using System.Globalization;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>Settings of <see cref="RsiMeanReversion"/> (section <c>Strategies:RsiMeanReversion</c>); the RSI period is <c>Indicators:RsiPeriod</c>.</summary>
public sealed class RsiMeanReversionOptions
{
    public const string SectionName = StrategyOptions.SectionName + ":RsiMeanReversion";

    /// <summary>Buy while RSI is below this level.</summary>
    public double Oversold { get; set; } = 30;

    /// <summary>Sell while RSI is above this level.</summary>
    public double Overbought { get; set; } = 70;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Level(errors, nameof(Oversold), Oversold);
        Level(errors, nameof(Overbought), Overbought);
        if (Oversold >= Overbought)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(Oversold)} must be < {nameof(Overbought)}, was {Oversold} vs {Overbought}"));
        }

        return errors;
    }

    private static void Level(List<string> errors, string name, double value)
    {
        if (!(value > 0 && value < 100))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} must be > 0 and < 100, was {value}"));
        }
    }
}
