using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>A row of the <c>predictions</c> table: the prediction and, once scored, its outcome.</summary>
public sealed record StoredPrediction(ShadowPrediction Prediction, PredictionStatus Status, DateTimeOffset? OutcomeBarStart = null, double? RealizedReturn = null)
{
    /// <summary>The scored form, or null while it has no outcome.</summary>
    public ScoredPrediction? ToScored() =>
        Status == PredictionStatus.Scored && RealizedReturn is { } r
            ? new ScoredPrediction(Prediction.Model, Prediction.Symbol, Prediction.BarStart, Prediction.Probability, Prediction.IsOutlier, r)
            : null;
}
