using MiniQuantDesk.Domain.Calendar;

namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// When the day's summary is due: on a trading day, once the session (an early close included) has been closed
/// for <see cref="SettleTime"/>, until the New York day ends. The timer fires hourly in the evening (UTC, so
/// both sides of daylight saving are covered); whether it was already sent is the caller's record.
/// </summary>
public static class DailySummarySchedule
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    public static bool IsDue(DateTimeOffset now, MarketSession? today) =>
        today is { } session && now >= session.CloseUtc + SettleTime && MarketData.NewYorkTime.SessionDate(now) == session.Date;

    /// <summary>The id under which the summary of <paramref name="session"/> is recorded as sent.</summary>
    public static string IdFor(DateOnly session) => "daily-summary:" + session.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
