namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// The first bar where a strategy's signal on a shortened series differs from its signal on the full series.
/// <see cref="Index"/> is the bar's index in the full series; the shortened series was bars
/// [<see cref="SeriesFrom"/>, <see cref="SeriesTo"/>] of it.
/// </summary>
public sealed record SignalDifference(int Index, DateTimeOffset BarStart, Strategies.SignalKind Full, Strategies.SignalKind Shortened, int SeriesFrom, int SeriesTo);
