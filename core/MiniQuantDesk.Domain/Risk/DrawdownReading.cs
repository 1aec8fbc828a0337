namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The breaker's view of equity against its peaks. Drawdowns are percentages (3 = 3 %), never negative.
/// <see cref="Reason"/> is null when neither limit is reached.
/// </summary>
public sealed record DrawdownReading(
    decimal DayDrawdownPct,
    decimal AllTimeDrawdownPct,
    bool DayLimitReached,
    bool AllTimeLimitReached,
    string? Reason)
{
    public bool ShouldTrip => DayLimitReached || AllTimeLimitReached;
}
