using System.Security.Cryptography;
using System.Text;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Tests.Domain.Ml;

public sealed class FeatureSetVersionTests
{
    private static readonly FeatureDefinition[] Base =
    [
        FeatureDefinition.Return(1),
        FeatureDefinition.Return(5),
        new(FeatureKind.SmaDistance),
        new(FeatureKind.Rsi),
        new(FeatureKind.BollingerPercentB),
        FeatureDefinition.Volatility(15),
    ];

    [Fact]
    public void The_version_is_the_hash_of_the_canonical_description_and_is_stable()
    {
        var a = new FeatureSetDefinition(Base);
        var b = new FeatureSetDefinition([.. Base]);
        var expected = "fs-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.CanonicalText)))[..12];

        Assert.Equal(expected, a.Version);
        Assert.Equal(a.Version, b.Version);
        Assert.Contains("sma_dist = close[t]/SMA(20)[t]-1", a.CanonicalText, StringComparison.Ordinal);
        Assert.All(a.Names, n => Assert.Contains(n + " = ", a.CanonicalText, StringComparison.Ordinal));
    }

    public static TheoryData<string> Changes() => ["return period", "indicator period", "bollinger width", "order", "removed", "added"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_to_a_definition_changes_the_version(string change)
    {
        var before = new FeatureSetDefinition(Base);
        var after = change switch
        {
            "return period" => new FeatureSetDefinition([FeatureDefinition.Return(1), FeatureDefinition.Return(6), .. Base[2..]]),
            "indicator period" => new FeatureSetDefinition(Base, new IndicatorSetOptions { SmaPeriod = 21 }),
            "bollinger width" => new FeatureSetDefinition(Base, new IndicatorSetOptions { BollingerWidth = 2.5 }),
            "order" => new FeatureSetDefinition([Base[1], Base[0], .. Base[2..]]),
            "removed" => new FeatureSetDefinition(Base[..^1]),
            _ => new FeatureSetDefinition([.. Base, new(FeatureKind.TimeOfDay)]),
        };

        Assert.NotEqual(before.Version, after.Version);
    }

    [Fact]
    public void An_indicator_setting_no_feature_uses_does_not_change_the_version()
    {
        // ATR is not in this set: its period is not part of any formula, so the features are the same.
        Assert.Equal(new FeatureSetDefinition(Base).Version, new FeatureSetDefinition(Base, new IndicatorSetOptions { AtrPeriod = 10 }).Version);
    }

    [Fact]
    public void Bad_definitions_are_refused_with_the_reason()
    {
        Assert.Contains("needs a period", Assert.Throws<ArgumentException>(() => new FeatureSetDefinition([FeatureDefinition.Return(0)])).Message, StringComparison.Ordinal);
        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => new FeatureSetDefinition([new(FeatureKind.Rsi), new(FeatureKind.Rsi)])).Message, StringComparison.Ordinal);
        Assert.Contains("SmaPeriod", Assert.Throws<ArgumentException>(() => new FeatureSetDefinition(Base, new IndicatorSetOptions { SmaPeriod = 0 })).Message, StringComparison.Ordinal);
    }
}
