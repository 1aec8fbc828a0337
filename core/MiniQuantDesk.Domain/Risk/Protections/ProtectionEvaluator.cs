namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// Turns the closed-trade history into the locks that should be in force at <c>now</c>. The result
/// depends only on the history and the instant, not on when or how often it is called, so a backtest
/// evaluating after every bar and the live desk evaluating after every fill get the same locks.
/// Feed the result to <see cref="LockBook.Add"/>, which ignores locks it already knows (lifted ones too).
/// </summary>
public static class ProtectionEvaluator
{
    public static IReadOnlyList<ProtectionLock> Evaluate(IEnumerable<ClosedTrade?>? history, DateTimeOffset now, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid protection settings: " + string.Join("; ", errors), nameof(options));
        }

        // Trades after now are not known yet at now (a backtest may hand over the full history);
        // malformed rows are skipped rather than trusted.
        var known = (history ?? [])
            .Where(t => t is not null && !string.IsNullOrWhiteSpace(t.Symbol) && t.ExitAt <= now)
            .Select(t => t!)
            .OrderBy(t => t.ExitAt)
            .ToList();

        return LossStreakProtection.Locks(known, now, options)
            .Concat(ExitCooldownProtection.Locks(known, now, options))
            .Concat(DrawdownProtection.Locks(known, now, options))
            .ToList();
    }
}
