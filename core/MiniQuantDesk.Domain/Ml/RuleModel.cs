using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// The seed's rule model, the baseline any trained model must beat: mean reversion on RSI, the idea of the
/// desk's RSI strategy as a probability. P(up) = 1 / (1 + exp(Steepness × (RSI − 50) / 50)): 0.5 at RSI 50,
/// above it when oversold, below when overbought. Its version is a hash of this definition (and the feature set).
/// </summary>
public sealed class RuleModel : IShadowModel
{
    public const string DefaultName = "rule";

    private readonly int _rsi;

    public RuleModel(FeatureSetDefinition features, int horizonMinutes = 5, double steepness = 2.0, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMinutes, 1);
        if (!(steepness > 0) || !double.IsFinite(steepness))
        {
            throw new ArgumentOutOfRangeException(nameof(steepness), steepness, "the rule model's steepness must be a finite number > 0");
        }

        _rsi = features.IndexOf("rsi");
        if (_rsi < 0)
        {
            throw new ArgumentException($"the rule model needs the rsi feature; feature set {features.Version} has {string.Join(",", features.Names)}", nameof(features));
        }

        Steepness = steepness;
        var definition = string.Create(CultureInfo.InvariantCulture, $"rule: p = 1/(1+exp({steepness:R}*(rsi*100-50)/50)); horizon {horizonMinutes}; features {features.Version}");
        Card = new ModelCard
        {
            Name = name,
            Version = "rule-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition)))[..12],
            Kind = ModelCard.RuleKind,
            FeatureSetVersion = features.Version,
            FeatureNames = features.Names,
            HorizonMinutes = horizonMinutes,
        };
    }

    public double Steepness { get; }

    public ModelCard Card { get; }

    public double ProbabilityUp(ReadOnlySpan<double> features)
    {
        var rsi = features[_rsi] * 100.0;
        return double.IsFinite(rsi) ? 1.0 / (1.0 + Math.Exp(Steepness * (rsi - 50.0) / 50.0)) : 0.5;
    }
}
