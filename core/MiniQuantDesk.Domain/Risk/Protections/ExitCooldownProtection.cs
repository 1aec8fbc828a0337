using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>After any exit, the symbol cannot be re-entered for <see cref="ProtectionOptions.ExitCooldownMinutes"/>.</summary>
public static class ExitCooldownProtection
{
    /// <param name="trades">Known closed trades (exit at or before now), ordered by exit instant.</param>
    public static IEnumerable<ProtectionLock> Locks(IReadOnlyList<ClosedTrade> trades, DateTimeOffset now, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ExitCooldownEnabled)
        {
            yield break;
        }

        var cooldown = TimeSpan.FromMinutes(options.ExitCooldownMinutes);
        foreach (var bySymbol in trades.GroupBy(t => t.Symbol, StringComparer.Ordinal))
        {
            var last = bySymbol.Last();
            if (last.ExitAt + cooldown > now)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"{last.Symbol} exited at {last.ExitAt:O}; re-entry locked for {options.ExitCooldownMinutes} min (Risk:Protections:ExitCooldownMinutes)");
                yield return ProtectionLock.Create(ProtectionKind.ExitCooldown, last.Symbol, last.ExitAt, cooldown, reason);
            }
        }
    }
}
