using System.Globalization;
using System.Text;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>
/// The shadow models' scores as text: a table per model (per day and rolling, with calibration) for
/// <c>desk ml report</c>, and one line per model for a day, for the daily summary and <c>/summary</c>.
/// </summary>
public static class ShadowScoreReport
{
    /// <summary>The scored predictions of the New York dates [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static async Task<IReadOnlyList<ScoredPrediction>> LoadAsync(PredictionStore store, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = await store.ListAsync(NewYorkTime.DayBounds(from).StartUtc, NewYorkTime.DayBounds(to).EndUtc, ct);
        return [.. rows.Select(r => r.ToScored()).OfType<ScoredPrediction>()];
    }

    public static string Table(IReadOnlyList<ScoredPrediction> predictions, int rollingDays)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return "no scored predictions in that period\n";
        }

        var text = new StringBuilder();
        foreach (var model in ScoreTable.Build(predictions, rollingDays).GroupBy(r => r.Model, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"model {model.Key}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {"day",-10} {"n",5} {"hit %",6} {"Brier",6} {"bps/pred",8} {"sum %",7} {"outl.",5} | rolling {rollingDays}d: {"n",5} {"hit %",6} {"Brier",6} {"bps/pred",8}");
            foreach (var row in model)
            {
                var d = row.Daily;
                var r = row.Rolling;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {row.Day:yyyy-MM-dd} {d.Count,5} {Percent(d.HitRate),6} {Fixed(d.Brier, 4),6} {Fixed(d.MeanFollowingBps, 2),8} {Fixed(d.FollowingReturn * 100, 3),7} {d.Outliers,5} | {"",-10} {r.Count,5} {Percent(r.HitRate),6} {Fixed(r.Brier, 4),6} {Fixed(r.MeanFollowingBps, 2),8}");
            }

            var all = ShadowScoring.Score(predictions.Where(p => p.Model == model.Key));
            text.AppendLine(CultureInfo.InvariantCulture, $"  all days: {Line(all)}");
            text.AppendLine("  calibration (predicted → observed up rate):");
            foreach (var b in all.Calibration.Where(b => b.Count > 0))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    [{b.From:0.0},{b.To:0.0}) n={b.Count,5} mean p={b.MeanProbability:0.000} up={b.ObservedUpRate:0.000}");
            }
        }

        return text.ToString();
    }

    /// <summary>One line per model for <paramref name="day"/>, with the rolling figures: the daily summary's and /summary's shadow section.</summary>
    public static IReadOnlyList<string> SummaryLines(IReadOnlyList<ScoredPrediction> predictions, DateOnly day, int rollingDays = 5)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return [.. ScoreTable.Build(predictions.Where(p => NewYorkTime.SessionDate(p.BarStart) <= day), rollingDays)
            .Where(r => r.Day == day)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Model}: {Line(r.Daily)} (rolling {rollingDays}d: {Line(r.Rolling)})"))];
    }

    private static string Line(ScoreCard s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Count} scored, hit {Percent(s.HitRate)} %, Brier {Fixed(s.Brier, 4)}, following {Fixed(s.MeanFollowingBps, 2)} bps/prediction ({Fixed(s.FollowingReturn * 100, 3)} % summed), {s.Outliers} outliers apart");

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Fixed(double value, int decimals) => double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
