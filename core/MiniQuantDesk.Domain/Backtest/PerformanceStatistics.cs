using MiniQuantDesk.Domain.Indicators;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The summary figures of a run, from the unrounded equity rows: money in decimal, the Sharpe ratio from exact decimal differences in compensated double (see <see cref="BacktestSummary"/>).</summary>
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

        // Returns are ~1e-4 and their mean ~1e-7, so a plain double sum would lose the mean's digits. Here each
        // return is (e_i − e_{i−1}) / e_{i−1}: the difference is exact in decimal, so the double return is within
        // ~2 ulps of the true one (relative 3e-16), and the sums of r and r² are compensated (double-double,
        // exact squares). Even if the returns cancel 1 000-fold in the mean, the ratio stays within ~1e-12
        // relative of the exact one — far inside the 1e-9 the summary is held to — without a 28-digit division
        // and a 28-digit square per row, which cost more than the rest of the summary.
        var sum = default(CompensatedSum);
        var squares = default(CompensatedSum);
        var first = 0.0;
        var allEqual = true;
        for (var i = 0; i < n; i++)
        {
            var previous = equity[i].Equity;
            if (previous <= 0m)
            {
                return null;
            }

            var change = equity[i + 1].Equity - previous;
            var r = change == 0m ? 0.0 : (double)change / (double)previous;
            first = i == 0 ? r : first;
            allEqual &= r == first;
            sum.Add(r);
            squares.AddSquare(r);
        }

        // sd = 0 (equal returns: the flat run's zeros) is the undefined case; a double-double n·Σr² − (Σr)² of n
        // equal non-zero returns need not come out exactly 0, so equality is tested on the returns themselves.
        var variance = CompensatedSum.PopulationVariance(sum, squares, n) * n / (n - 1);
        if (allEqual || variance == 0)
        {
            return null;
        }

        return sum.Value / n / Math.Sqrt(variance) * Math.Sqrt(BacktestSummary.AnnualisationPeriods);
    }
}
