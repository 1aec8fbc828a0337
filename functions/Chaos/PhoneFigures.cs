namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// One check from the phone: answered on which ask (null: never), after how long, whether the answer was a failure
/// embed, whether it came from a rescue (the process that deferred it died; another answered late), and the asks Discord would have shown as "The application did not respond" (no acknowledgement within
/// its deadline, or an HTTP error from the endpoint).
/// </summary>
public sealed record PhoneCheck(string Command, int? AnsweredOnAsk, TimeSpan Elapsed, bool AnsweredWithFailure, int NotAcknowledged, int Refused, bool AnsweredByRescue = false);

/// <summary>What the trader saw on the phone during the campaign.</summary>
public sealed record PhoneFigures(
    int Checks,
    int AnsweredFirstAsk,
    int AnsweredAfterReask,
    int AnsweredWithFailure,
    int Unanswered,
    int NotAcknowledged,
    int Refused,
    TimeSpan MedianAnswer,
    TimeSpan SlowestAnswer,
    int AnsweredByRescue = 0)
{
    public static readonly PhoneFigures None = Of([]);

    public static PhoneFigures Of(IEnumerable<PhoneCheck> checks)
    {
        var all = checks.ToList();
        var answered = all.Where(c => c.AnsweredOnAsk is not null).ToList();
        var times = answered.Select(c => c.Elapsed).Order().ToList();
        return new PhoneFigures(
            all.Count,
            answered.Count(c => c.AnsweredOnAsk == 1),
            answered.Count(c => c.AnsweredOnAsk > 1),
            answered.Count(c => c.AnsweredWithFailure),
            all.Count - answered.Count,
            all.Sum(c => c.NotAcknowledged),
            all.Sum(c => c.Refused),
            times.Count == 0 ? TimeSpan.Zero : times[times.Count / 2],
            times.Count == 0 ? TimeSpan.Zero : times[^1],
            answered.Count(c => c.AnsweredByRescue));
    }
}
