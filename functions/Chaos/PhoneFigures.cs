namespace MiniQuantDesk.Functions.Chaos;

/// <summary>One check from the phone: answered on which ask (null: never), after how long, and whether the answer was a failure embed.</summary>
public sealed record PhoneCheck(string Command, int? AnsweredOnAsk, TimeSpan Elapsed, bool AnsweredWithFailure, int EndpointFailures);

/// <summary>What the trader saw on the phone during the campaign.</summary>
public sealed record PhoneFigures(int Checks, int AnsweredFirstAsk, int AnsweredAfterReask, int AnsweredWithFailure, int Unanswered, int EndpointFailures, TimeSpan SlowestAnswer)
{
    public static readonly PhoneFigures None = new(0, 0, 0, 0, 0, 0, TimeSpan.Zero);

    public static PhoneFigures Of(IEnumerable<PhoneCheck> checks)
    {
        var all = checks.ToList();
        var answered = all.Where(c => c.AnsweredOnAsk is not null).ToList();
        return new PhoneFigures(
            all.Count,
            answered.Count(c => c.AnsweredOnAsk == 1),
            answered.Count(c => c.AnsweredOnAsk > 1),
            answered.Count(c => c.AnsweredWithFailure),
            all.Count - answered.Count,
            all.Sum(c => c.EndpointFailures),
            answered.Count == 0 ? TimeSpan.Zero : answered.Max(c => c.Elapsed));
    }
}
