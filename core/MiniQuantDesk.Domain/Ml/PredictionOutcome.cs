using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Ml;

/// <summary>
/// The outcome of a prediction as seen from one minute: not due yet, due but without an outcome bar
/// (unscorable), or scored with the realised return to its outcome bar (<see cref="ForwardReturn"/>).
/// </summary>
public sealed record PredictionOutcome(bool IsDue, DateTimeOffset? OutcomeBarStart, double? Return)
{
    public static PredictionOutcome NotDue { get; } = new(false, null, null);

    public static PredictionOutcome Unscorable { get; } = new(true, null, null);

    public bool IsScored => OutcomeBarStart is not null;

    /// <summary>
    /// Resolves a prediction made at <paramref name="barStart"/> from the stored window of bars (oldest first)
    /// at <paramref name="minute"/>. Only once the horizon has passed: before that the answer is
    /// <see cref="NotDue"/> whatever the window holds, so no prediction is graded on a partial horizon.
    /// </summary>
    public static PredictionOutcome Resolve(DateTimeOffset barStart, int horizonMinutes, IReadOnlyList<Bar> window, DateTimeOffset minute)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!ForwardReturn.IsDue(barStart, horizonMinutes, minute))
        {
            return NotDue;
        }

        var index = IndexOf(window, barStart);
        if (index < 0)
        {
            return Unscorable;
        }

        var outcome = ForwardReturn.OutcomeIndex(window, index, horizonMinutes);
        if (outcome < 0)
        {
            return Unscorable;
        }

        var r = ForwardReturn.Between(window[index].Close, window[outcome].Close);
        return double.IsFinite(r) ? new PredictionOutcome(true, window[outcome].Start, r) : Unscorable;
    }

    private static int IndexOf(IReadOnlyList<Bar> window, DateTimeOffset start)
    {
        int lo = 0, hi = window.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = window[mid].Start.CompareTo(start);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
