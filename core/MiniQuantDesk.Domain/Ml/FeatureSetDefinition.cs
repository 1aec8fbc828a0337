using System.Security.Cryptography;
using System.Text;
using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// The features a model sees, in order, and the indicator periods they use. <see cref="Version"/> is a hash
/// of <see cref="CanonicalText"/> (every feature's name and formula, the indicator settings), so any change
/// to a definition is a new version and nobody bumps it by hand. A model records the version it was
/// trained on and refuses vectors of another.
/// </summary>
public sealed class FeatureSetDefinition
{
    public FeatureSetDefinition(IReadOnlyList<FeatureDefinition> features, IndicatorSetOptions? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        Indicators = indicators ?? new IndicatorSetOptions();
        var errors = Indicators.Validate().ToList();
        if (features.Count == 0)
        {
            errors.Add("a feature set needs at least one feature");
        }

        errors.AddRange(features.Where(f => f.HasPeriod && f.Period < 1).Select(f => $"feature {f.Kind} needs a period >= 1, was {f.Period}"));
        errors.AddRange(features.Where(f => !f.HasPeriod && f.Period != 0).Select(f => $"feature {f.Kind} takes no period, was {f.Period}"));
        errors.AddRange(features.Where(f => f.Kind == FeatureKind.Volatility && f.Period < 2).Select(f => $"feature vol_{f.Period} needs a period >= 2"));
        errors.AddRange(features.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => $"feature {g.Key.Kind} {g.Key.Period} is listed twice"));
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(features));
        }

        Features = [.. features];
        Names = [.. Features.Select(f => f.Name)];
        CanonicalText = "MiniQuantDesk feature set\n"
            + string.Join("\n", Features.Select(f => $"{f.Name} = {f.Formula(Indicators)}")) + "\n";
        Version = "fs-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText)))[..12];
    }

    /// <summary>
    /// The desk's feature set: returns over 1, 5, 15 and 30 bars, indicator distances, RSI, MACD, %B, ATR,
    /// VWAP distance, 15-bar volatility, 20-bar volume ratio and time of day, on the default indicators
    /// (the same periods the strategies use).
    /// </summary>
    public static FeatureSetDefinition Default { get; } = new(
    [
        FeatureDefinition.Return(1),
        FeatureDefinition.Return(5),
        FeatureDefinition.Return(15),
        FeatureDefinition.Return(30),
        new(FeatureKind.SmaDistance),
        new(FeatureKind.EmaDistance),
        new(FeatureKind.Rsi),
        new(FeatureKind.MacdHistogram),
        new(FeatureKind.BollingerPercentB),
        new(FeatureKind.AtrRelative),
        new(FeatureKind.VwapDistance),
        FeatureDefinition.Volatility(15),
        FeatureDefinition.VolumeRatio(20),
        new(FeatureKind.TimeOfDay),
    ]);

    public IReadOnlyList<FeatureDefinition> Features { get; }

    public IReadOnlyList<string> Names { get; }

    public IndicatorSetOptions Indicators { get; }

    public string CanonicalText { get; }

    /// <summary><c>fs-</c> and the first 12 hex digits of SHA-256(<see cref="CanonicalText"/>).</summary>
    public string Version { get; }

    public int Count => Features.Count;

    /// <summary>The position of a feature by name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
