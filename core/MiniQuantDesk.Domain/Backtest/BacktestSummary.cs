namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// The run's figures (formulas in docs/backtest.md, as in the reference SPEC §5):
/// total return = final / initial − 1; win rate = trades with pnl &gt; 0 / trades (null without trades);
/// max drawdown = max over rows of (peak − equity) / peak, peak = max(initial, equities so far);
/// Sharpe = mean(r) / sd(r) × √(252·390), r = equity_i / equity_{i−1} − 1 over consecutive rows,
/// sd with n − 1 (null with fewer than two returns or sd = 0).
/// </summary>
public sealed record BacktestSummary(
    decimal InitialCash,
    decimal FinalEquity,
    decimal TotalReturn,
    int Trades,
    decimal? WinRate,
    decimal MaxDrawdown,
    double? Sharpe,
    int BarsUsed,
    int Sessions,
    DateTimeOffset? FirstBar,
    DateTimeOffset? LastBar)
{
    public const double AnnualisationPeriods = 252 * 390;
}
