using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// When cumulative closed-trade P&amp;L within the lookback has fallen from its peak (the window starts at 0)
/// by <see cref="ProtectionOptions.DrawdownLimitUsd"/> or more, all entries are locked for the cooldown,
/// from the exit of the trade that reached the limit.
/// </summary>
public static class DrawdownProtection
{
    /// <param name="trades">Known closed trades (exit at or before now), ordered by exit instant.</param>
    public static IEnumerable<ProtectionLock> Locks(IReadOnlyList<ClosedTrade> trades, DateTimeOffset now, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.DrawdownLockEnabled)
        {
            yield break;
        }

        var lookback = TimeSpan.FromMinutes(options.DrawdownLookbackMinutes);
        var cooldown = TimeSpan.FromMinutes(options.DrawdownCooldownMinutes);
        for (var i = trades.Count - 1; i >= 0; i--)
        {
            var exit = trades[i].ExitAt;
            if (exit + cooldown <= now)
            {
                yield break;
            }

            var depth = DepthAt(trades, exit - lookback, exit);
            if (depth >= options.DrawdownLimitUsd)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"closed-trade P&L fell {RiskText.Usd(depth)} from its peak within {options.DrawdownLookbackMinutes} min up to {exit:O} (Risk:Protections:DrawdownLimitUsd {RiskText.Usd(options.DrawdownLimitUsd)}); all entries locked for {options.DrawdownCooldownMinutes} min");
                yield return ProtectionLock.Create(ProtectionKind.Drawdown, null, exit, cooldown, reason);
                yield break;
            }
        }
    }

    /// <summary>How far cumulative P&amp;L of trades exiting in (from, to] ends below its running peak (start 0).</summary>
    internal static decimal DepthAt(IReadOnlyList<ClosedTrade> trades, DateTimeOffset from, DateTimeOffset to)
    {
        decimal cumulative = 0m, peak = 0m;
        foreach (var trade in trades)
        {
            if (trade.ExitAt > from && trade.ExitAt <= to)
            {
                cumulative += trade.PnlUsd;
                peak = Math.Max(peak, cumulative);
            }
        }

        return peak - cumulative;
    }
}
