namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// The scoring maths. Hit rate = hits / count; Brier score = mean((p − y)²) with y = 1 when the price went
/// up; calibration in equal-width probability buckets; the following strategy's summed return. Outlier
/// predictions are kept out of every score and only counted.
/// </summary>
public static class ShadowScoring
{
    public static ScoreCard Score(IEnumerable<ScoredPrediction> predictions, int buckets = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        var count = 0;
        var hits = 0;
        var outliers = 0;
        var brier = 0.0;
        var following = 0.0;
        var bucketCount = new int[buckets];
        var bucketP = new double[buckets];
        var bucketUp = new int[buckets];
        foreach (var p in predictions)
        {
            if (p.IsOutlier)
            {
                outliers++;
                continue;
            }

            count++;
            hits += p.Hit ? 1 : 0;
            var y = p.WentUp ? 1.0 : 0.0;
            brier += (p.Probability - y) * (p.Probability - y);
            following += p.FollowingReturn;
            var b = Math.Min((int)(p.Probability * buckets), buckets - 1);
            bucketCount[b]++;
            bucketP[b] += p.Probability;
            bucketUp[b] += p.WentUp ? 1 : 0;
        }

        var calibration = new List<CalibrationBucket>(buckets);
        for (var b = 0; b < buckets; b++)
        {
            var n = bucketCount[b];
            calibration.Add(new CalibrationBucket((double)b / buckets, (double)(b + 1) / buckets, n, n == 0 ? double.NaN : bucketP[b] / n, n == 0 ? double.NaN : (double)bucketUp[b] / n));
        }

        return new ScoreCard(
            count,
            hits,
            count == 0 ? double.NaN : (double)hits / count,
            count == 0 ? double.NaN : brier / count,
            following,
            calibration,
            outliers);
    }
}
