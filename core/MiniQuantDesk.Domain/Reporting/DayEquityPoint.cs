namespace MiniQuantDesk.Domain.Reporting;

/// <summary>The desk's equity at one instant of the day (cash plus positions at their last known price).</summary>
public readonly record struct DayEquityPoint(DateTimeOffset At, decimal Equity);
