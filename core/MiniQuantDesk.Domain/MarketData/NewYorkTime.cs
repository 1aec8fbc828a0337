namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// Wall-clock time on the US equity market: America/New_York from the time-zone database, so EST/EDT
/// changes are right (never a fixed -5 h). A session is the New York calendar date of a bar's start.
/// </summary>
public static class NewYorkTime
{
    /// <summary>The regular session opens at 09:30 ET.</summary>
    public static readonly TimeOnly RegularOpen = new(9, 30);

    /// <summary>The regular session closes at 16:00 ET (13:00 on early-close days, see the calendar).</summary>
    public static readonly TimeOnly RegularClose = new(16, 0);

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York wall-clock time of an instant.</summary>
    public static DateTime ToNewYork(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>The instant (UTC) of a New York wall-clock time; the ambiguous 01:00-02:00 of November takes standard time.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The session key of a bar: the New York calendar date of its start.</summary>
    public static DateOnly SessionDate(DateTimeOffset barStart) => DateOnly.FromDateTime(ToNewYork(barStart));

    /// <summary>Regular-session filter: 09:30 &lt;= ET start &lt; 16:00 (the fixed clock window; the calendar knows early closes).</summary>
    public static bool IsRegularSession(DateTimeOffset barStart)
    {
        var time = TimeOnly.FromDateTime(ToNewYork(barStart));
        return time >= RegularOpen && time < RegularClose;
    }

    /// <summary>The UTC instants of the New York midnights that start and end the given date.</summary>
    public static (DateTimeOffset StartUtc, DateTimeOffset EndUtc) DayBounds(DateOnly date) =>
        (ToUtc(date, TimeOnly.MinValue), ToUtc(date.AddDays(1), TimeOnly.MinValue));
}
