using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// What happened after bar t, the one definition used for training labels and for scoring live predictions:
/// the outcome bar is the last bar that starts after t, at or before t + horizon minutes, on the same New York
/// date (a horizon never reaches overnight). The return is close[outcome]/close[t] - 1; "up" means &gt; 0.
/// </summary>
public static class ForwardReturn
{
    /// <summary>Index of the outcome bar of <c>bars[index]</c> (bars of one symbol, oldest first), or -1 when none exists.</summary>
    public static int OutcomeIndex(IReadOnlyList<Bar> bars, int index, int horizonMinutes)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMinutes, 1);
        var start = bars[index].Start;
        var limit = start.AddMinutes(horizonMinutes);
        var session = NewYorkTime.SessionDate(start);
        var found = -1;
        for (var j = index + 1; j < bars.Count && bars[j].Start <= limit; j++)
        {
            if (NewYorkTime.SessionDate(bars[j].Start) != session)
            {
                break;
            }

            found = j;
        }

        return found;
    }

    /// <summary>The simple return from one close to another, as a double (features and scores are double).</summary>
    public static double Between(decimal entryClose, decimal exitClose) =>
        entryClose > 0m ? (double)(exitClose / entryClose - 1m) : double.NaN;

    /// <summary>
    /// True once the outcome of a prediction made at <paramref name="barStart"/> can no longer change: the minute
    /// being processed is at or past bar + horizon. Scoring earlier would grade it on a partial horizon.
    /// </summary>
    public static bool IsDue(DateTimeOffset barStart, int horizonMinutes, DateTimeOffset minute) =>
        minute >= barStart.AddMinutes(horizonMinutes);
}
