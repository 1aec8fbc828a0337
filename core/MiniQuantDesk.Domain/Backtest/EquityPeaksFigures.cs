namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The day's and the all-time equity peak at a decision, as plain values (the risk context's <see cref="Risk.EquityPeaks"/> without the allocation).</summary>
internal readonly record struct EquityPeaksFigures(decimal Day, decimal AllTime);
