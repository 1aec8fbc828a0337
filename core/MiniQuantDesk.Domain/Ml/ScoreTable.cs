using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>One model's scores on one New York date, and over the rolling window of dates ending there.</summary>
public sealed record ScoreRow(string Model, DateOnly Day, ScoreCard Daily, ScoreCard Rolling);

/// <summary>Per model, per day and rolling: what the report, the daily summary and /summary show.</summary>
public static class ScoreTable
{
    /// <summary>
    /// Rows ordered by model, then day. The rolling card of a day covers that day and the
    /// <paramref name="rollingDays"/> − 1 days with predictions before it (days without any are skipped).
    /// </summary>
    public static IReadOnlyList<ScoreRow> Build(IEnumerable<ScoredPrediction> predictions, int rollingDays = 5)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(rollingDays, 1);
        var rows = new List<ScoreRow>();
        foreach (var model in predictions.GroupBy(p => p.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var days = model.GroupBy(p => NewYorkTime.SessionDate(p.BarStart)).OrderBy(g => g.Key).ToList();
            for (var d = 0; d < days.Count; d++)
            {
                var window = days.Skip(Math.Max(0, d - rollingDays + 1)).Take(Math.Min(d + 1, rollingDays)).SelectMany(g => g);
                rows.Add(new ScoreRow(model.Key, days[d].Key, ShadowScoring.Score(days[d]), ShadowScoring.Score(window)));
            }
        }

        return rows;
    }
}
