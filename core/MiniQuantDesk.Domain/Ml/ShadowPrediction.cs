namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// One logged prediction. <see cref="OutlierFeatures"/> names the features outside the model's training range:
/// such a prediction is kept but marked, and scored apart from the rest.
/// </summary>
public sealed record ShadowPrediction(
    string Symbol,
    DateTimeOffset BarStart,
    string Model,
    string ModelVersion,
    string FeatureSetVersion,
    int HorizonMinutes,
    double Probability,
    IReadOnlyList<string> OutlierFeatures)
{
    public bool IsOutlier => OutlierFeatures.Count > 0;

    /// <summary>The predicted class: up when P(up) &gt; 0.5.</summary>
    public bool PredictsUp => Probability > 0.5;

    /// <summary>Asks a model about one feature vector, flagging the features outside its training range.</summary>
    public static ShadowPrediction Make(IShadowModel model, FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        var card = model.Card;
        if (features.Values.Length != card.FeatureNames.Count)
        {
            throw new ArgumentException($"model {card.Name} expects {card.FeatureNames.Count} features, got {features.Values.Length}");
        }

        var p = model.ProbabilityUp(features.Values);
        if (!(p >= 0 && p <= 1))
        {
            throw new InvalidOperationException(FormattableString.Invariant($"model {card.Name} {card.Version} returned {p}, not a probability"));
        }

        return new ShadowPrediction(features.Symbol, features.BarStart, card.Name, card.Version, features.FeatureSetVersion, card.HorizonMinutes, p, Outliers(card.Ranges, features.Values));
    }

    /// <summary>Names of the features outside their training range (none when the card has no ranges).</summary>
    public static IReadOnlyList<string> Outliers(IReadOnlyList<FeatureRange> ranges, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(values);
        var outside = new List<string>();
        for (var i = 0; i < ranges.Count && i < values.Count; i++)
        {
            if (!ranges[i].Contains(values[i]))
            {
                outside.Add(ranges[i].Name);
            }
        }

        return outside;
    }
}
