using MiniQuantDesk.Domain.Backtest;

namespace MiniQuantDesk.Domain.Research;

/// <summary>A window's outcome: the point chosen in-sample (null when no point ran), its in-sample figures and the same parameters' out-of-sample figures.</summary>
public sealed record WalkForwardStep(WalkForwardWindow Window, GridPoint? Chosen, BacktestSummary? InSample, BacktestSummary? OutOfSample);
