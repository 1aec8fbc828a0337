namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The summary figures of a run, computed in decimal from the unrounded equity rows (see <see cref="BacktestSummary"/>).</summary>
public static class PerformanceStatistics
{
    public static BacktestSummary Summarise(decimal initialCash, IReadOnlyList<EquityPoint> equity, IReadOnlyList<BacktestTrade> trades, int sessions)
    {
        ArgumentNullException.ThrowIfNull(equity);
        ArgumentNullException.ThrowIfNull(trades);
        var final = equity.Count > 0 ? equity[^1].Equity : initialCash;
        var wins = trades.Count(t => t.Pnl > 0m);
        return new BacktestSummary(
            initialCash,
            final,
            (final / initialCash) - 1m,
            trades.Count,
            trades.Count == 0 ? null : (decimal)wins / trades.Count,
            MaxDrawdown(initialCash, equity),
            Sharpe(equity),
            equity.Count,
            sessions,
            equity.Count > 0 ? equity[0].Time : null,
            equity.Count > 0 ? equity[^1].Time : null);
    }

    /// <summary>max_i (peak_i − equity_i) / peak_i with peak_i = max(initial, equity_0 .. equity_i).</summary>
    public static decimal MaxDrawdown(decimal initialCash, IReadOnlyList<EquityPoint> equity)
    {
        var peak = initialCash;
        var worst = 0m;
        var worstApprox = 0.0;
        foreach (var point in equity)
        {
            peak = Math.Max(peak, point.Equity);

            // At the peak the drawdown is 0, which never raises the worst (Math.Max keeps the first of equals).
            // Elsewhere the exact decimal division is needed only for a drawdown that may be a new worst: one
            // that is, in double, more than a millionth below the worst cannot be (double's error is ~1e-16).
            if (peak > 0m && point.Equity != peak
                && (double)(peak - point.Equity) / (double)peak >= worstApprox * (1 - 1e-6))
            {
                worst = Math.Max(worst, (peak - point.Equity) / peak);
                worstApprox = (double)worst;
            }
        }

        return worst;
    }

    /// <summary>mean(r) / sd(r) × √(252·390) over r_i = equity_i / equity_{i−1} − 1; null when undefined.</summary>
    public static double? Sharpe(IReadOnlyList<EquityPoint> equity)
    {
        var n = equity.Count - 1;
        if (n < 2)
        {
            return null;
        }

        // Returns are ~1e-4 and their mean ~1e-7: decimal keeps the digits a double sum would lose.
        var returns = new decimal[n];
        var sum = 0m;
        for (var i = 0; i < n; i++)
        {
            var previous = equity[i].Equity;
            if (previous <= 0m)
            {
                return null;
            }

            // A flat row (no position, no fill) repeats the equity, digits and scale: (e / e) - 1 is then
            // exactly 0m, so the division is skipped. (Equal values of different scales do divide: 5.50 / 5.5 - 1 is -0.0.)
            var current = equity[i + 1].Equity;
            returns[i] = current == previous && current.Scale == previous.Scale ? 0m : (current / previous) - 1m;
            sum += returns[i];
        }

        var mean = sum / n;
        var squares = 0m;
        foreach (var r in returns)
        {
            squares += (r - mean) * (r - mean);
        }

        var variance = squares / (n - 1);
        if (variance == 0m)
        {
            return null;
        }

        return (double)mean / Math.Sqrt((double)variance) * Math.Sqrt(BacktestSummary.AnnualisationPeriods);
    }
}
