using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Warm-up (recursion) sensitivity: the strategy runs on the full series and on the series with its first s
/// bars dropped, for several s (mid-session and session-aligned). Past the declared warm-up — counted from the
/// shortened series' first bar, or from its first whole session's first bar — every signal must equal the full
/// series' signal at the same bar. The first differing bar is reported.
/// </summary>
public static class WarmUpCheck
{
    /// <summary>Bars dropped from the front: small and irregular, so both mid-session and near-session starts occur.</summary>
    public static IReadOnlyList<int> DefaultOffsets { get; } = [1, 2, 3, 7, 19, 61, 137, 233, 389, 390, 391, 500];

    public static BiasFinding Run(IReadOnlyList<Bar> bars, StrategyUnderTest strategy, IndicatorSetOptions? indicatorOptions = null, IReadOnlyList<int>? offsets = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(strategy);
        var symbol = LookAheadCheck.SingleSymbol(bars);
        var full = SignalSeries.Compute(bars, strategy.Create, indicatorOptions);
        var sessionStart = SessionStarts(bars);
        SignalDifference? first = null;
        var compared = 0;
        foreach (var s in (offsets ?? DefaultOffsets).Where(s => s > 0 && s < bars.Count).Distinct().Order())
        {
            var from = FirstComparable(s, strategy.WarmUp, sessionStart);
            if (from >= bars.Count)
            {
                continue;
            }

            compared++;
            var shortened = SignalSeries.Compute(SignalSeries.Slice(bars, s, bars.Count - 1), strategy.Create, indicatorOptions);
            for (var j = from; j < bars.Count && (first is null || j < first.Index); j++)
            {
                if (shortened[j - s] != full[j])
                {
                    first = new SignalDifference(j, bars[j].Start, full[j], shortened[j - s], s, bars.Count - 1);
                    break;
                }
            }
        }

        return new BiasFinding(strategy.Name, symbol, BiasCheckKind.WarmUp, compared, first);
    }

    private static bool[] SessionStarts(IReadOnlyList<Bar> bars)
    {
        var starts = new bool[bars.Count];
        var previous = default(DateOnly);
        for (var i = 0; i < bars.Count; i++)
        {
            var session = NewYorkTime.SessionDate(bars[i].Start);
            starts[i] = i == 0 || session != previous;
            previous = session;
        }

        return starts;
    }

    private static int FirstComparable(int start, DeclaredWarmUp warmUp, bool[] sessionStart)
    {
        var from = start;
        if (warmUp.FromSessionStart)
        {
            // The shortened series' first bar starts a whole session only if it was a session start anyway.
            while (from < sessionStart.Length && !sessionStart[from])
            {
                from++;
            }
        }

        return from + warmUp.Bars;
    }
}
