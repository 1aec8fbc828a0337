namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// Scores of a set of predictions, outliers excluded (they are only counted, in <see cref="Outliers"/>).
/// Hit rate and Brier score are NaN when nothing was scored. <see cref="FollowingReturn"/> sums the
/// per-prediction returns of following each prediction with one unit of notional (see
/// <see cref="ScoredPrediction.FollowingReturn"/>).
/// </summary>
public sealed record ScoreCard(
    int Count,
    int Hits,
    double HitRate,
    double Brier,
    double FollowingReturn,
    IReadOnlyList<CalibrationBucket> Calibration,
    int Outliers)
{
    /// <summary>Average return per followed prediction, in basis points (NaN when nothing was scored).</summary>
    public double MeanFollowingBps => Count == 0 ? double.NaN : FollowingReturn / Count * 10_000;
}
