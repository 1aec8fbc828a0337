namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// What BarPoll keeps from a broker answer: completed bars only (a bar whose minute has not ended is
/// still being built and may be revised), each validated against the last accepted bar of its symbol.
/// A rejected bar is never stored and is treated as a gap: later bars are judged against the last good
/// one, so one bad print cannot stall a symbol for the rest of the day. When the newest bar of a symbol is
/// the rejected one, that symbol is not evaluated this minute. The other symbols go on.
/// </summary>
public static class BarIntake
{
    public static BarIntakeResult Admit(IEnumerable<Bar> fetched, IReadOnlyDictionary<string, Bar> lastAccepted, DateTimeOffset now, BarValidator validator, TimeSpan barInterval)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(lastAccepted);
        ArgumentNullException.ThrowIfNull(validator);
        var accepted = new List<Bar>();
        var rejected = new List<BarIntakeRejection>();
        foreach (var symbol in fetched.GroupBy(b => b.Symbol, StringComparer.Ordinal))
        {
            Bar? last = lastAccepted.TryGetValue(symbol.Key, out var l) ? l : null;
            var complete = symbol.Where(b => b.Start + barInterval <= now).OrderBy(b => b.Start).ToList();
            for (var i = 0; i < complete.Count; i++)
            {
                var bar = complete[i];

                if (last is { } previous && bar.Start == previous.Start && bar == previous)
                {
                    continue; // the same bar fetched again: nothing new
                }

                // Catch-up bars are history: only the newest must be fresh against the clock.
                var asOf = i == complete.Count - 1 ? now : bar.Start + barInterval;
                var verdict = validator.Validate(bar, last, asOf);
                if (!verdict.IsAccepted)
                {
                    rejected.Add(new BarIntakeRejection(bar, verdict.Rejection!.Value, verdict.Reason!));
                    continue;
                }

                accepted.Add(bar);
                last = bar;
            }
        }

        return new BarIntakeResult(accepted, rejected);
    }
}

public sealed record BarIntakeResult(IReadOnlyList<Bar> Accepted, IReadOnlyList<BarIntakeRejection> Rejected);

public sealed record BarIntakeRejection(Bar Bar, BarRejection Reason, string Explanation);
