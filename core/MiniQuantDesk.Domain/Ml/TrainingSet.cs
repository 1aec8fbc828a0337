using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// Labelled examples from historical bars: each symbol's bars are fed once, in time order, through a
/// <see cref="FeatureBuilder"/>; the row of bar t is kept when its features are defined and its outcome bar
/// exists. Rows come out ordered by bar time, then symbol.
/// </summary>
public static class TrainingSet
{
    public static IReadOnlyList<TrainingExample> Build(IEnumerable<Bar> bars, FeatureSetDefinition definition, int horizonMinutes)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMinutes, 1);
        var examples = new List<TrainingExample>();
        foreach (var series in bars.GroupBy(b => b.Symbol, StringComparer.Ordinal))
        {
            var ordered = series.OrderBy(b => b.Start).ToList();
            var builder = new FeatureBuilder(series.Key, definition);
            for (var i = 0; i < ordered.Count; i++)
            {
                builder.Update(ordered[i]);
                if (builder.Current() is not { } features)
                {
                    continue;
                }

                var outcome = ForwardReturn.OutcomeIndex(ordered, i, horizonMinutes);
                if (outcome < 0)
                {
                    continue;
                }

                var r = ForwardReturn.Between(ordered[i].Close, ordered[outcome].Close);
                if (double.IsFinite(r) && features.Values.All(double.IsFinite))
                {
                    examples.Add(new TrainingExample(series.Key, ordered[i].Start, features.Values, ordered[outcome].Start, r));
                }
            }
        }

        return [.. examples.OrderBy(e => e.BarStart).ThenBy(e => e.Symbol, StringComparer.Ordinal)];
    }
}
