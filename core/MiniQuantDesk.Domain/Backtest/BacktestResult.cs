namespace MiniQuantDesk.Domain.Backtest;

/// <summary>What a run produced: round trips in time order, one equity row per bar time, the summary and the refused intents.</summary>
public sealed record BacktestResult(
    IReadOnlyList<string> Symbols,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<EquityPoint> Equity,
    BacktestSummary Summary,
    IReadOnlyList<RiskRefusal> Refusals);
