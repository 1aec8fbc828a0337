namespace MiniQuantDesk.Domain.Ml;

/// <summary>Whether a model may predict this minute, and why not.</summary>
public sealed record ModelVerdict(bool MayPredict, string? Reason)
{
    public static ModelVerdict Allowed { get; } = new(true, null);

    /// <summary>
    /// Guards before a prediction: the model must be made for this feature set and not be older than its
    /// maximum age (measured from the last bar it learned from to the minute being predicted).
    /// </summary>
    public static ModelVerdict Check(ModelCard card, string featureSetVersion, DateTimeOffset minute)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!string.Equals(card.FeatureSetVersion, featureSetVersion, StringComparison.Ordinal))
        {
            return new(false, $"model {card.Name} {card.Version} was trained on feature set {card.FeatureSetVersion}, the desk computes {featureSetVersion}: not predicting (retrain it)");
        }

        if (card.MaxAgeDays is { } days && card.TrainedTo is { } trainedTo && minute - trainedTo > TimeSpan.FromDays(days))
        {
            var age = (minute - trainedTo).TotalDays;
            return new(false, FormattableString.Invariant($"model {card.Name} {card.Version} expired: trained on bars up to {trainedTo:yyyy-MM-dd}, {age:F1} days old, over its {days}-day limit: not predicting (retrain it)"));
        }

        return Allowed;
    }
}
