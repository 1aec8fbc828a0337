using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// After <see cref="ProtectionOptions.LossStreakTrades"/> losing trades within the lookback, entries are
/// locked for the cooldown, from the exit of the loss that completed the streak. Global, or per symbol.
/// </summary>
public static class LossStreakProtection
{
    /// <param name="trades">Known closed trades (exit at or before now), ordered by exit instant.</param>
    public static IEnumerable<ProtectionLock> Locks(IReadOnlyList<ClosedTrade> trades, DateTimeOffset now, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.LossStreakEnabled)
        {
            yield break;
        }

        var lookback = TimeSpan.FromMinutes(options.LossStreakLookbackMinutes);
        var cooldown = TimeSpan.FromMinutes(options.LossStreakCooldownMinutes);
        var losses = trades.Where(t => t.IsLoss).ToList();
        var scopes = options.LossStreakPerSymbol
            ? losses.GroupBy(t => t.Symbol, StringComparer.Ordinal).Select(g => ((string?)g.Key, g.ToList()))
            : [((string?)null, losses)];

        foreach (var (symbol, scoped) in scopes)
        {
            // Latest trigger first: it has the furthest expiry; older triggers in the same scope add nothing.
            for (var i = scoped.Count - 1; i >= 0; i--)
            {
                var exit = scoped[i].ExitAt;
                if (exit + cooldown <= now)
                {
                    break;
                }

                var count = scoped.Count(l => l.ExitAt > exit - lookback && l.ExitAt <= exit);
                if (count >= options.LossStreakTrades)
                {
                    var reason = string.Create(CultureInfo.InvariantCulture,
                        $"{count} losing trades{(symbol is null ? "" : " in " + symbol)} within {options.LossStreakLookbackMinutes} min up to {exit:O} (Risk:Protections:LossStreakTrades {options.LossStreakTrades}); entries locked for {options.LossStreakCooldownMinutes} min");
                    yield return ProtectionLock.Create(ProtectionKind.LossStreak, symbol, exit, cooldown, reason);
                    break;
                }
            }
        }
    }
}
