using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Calendar;

/// <summary>
/// The US equity regular sessions over a covered range of dates: weekdays that are not NYSE holidays,
/// 09:30-16:00 ET (13:00 on early closes), instants in UTC with daylight saving from the time-zone
/// database. Either the bundled rules (<see cref="Bundled"/>, 2014-2027) or the broker's own calendar
/// (<see cref="FromBroker"/>). Outside its coverage the calendar knows no session: the market reads as
/// closed (fail safe: no trading) and <see cref="Covers"/> says why.
/// </summary>
public sealed class UsEquityCalendar
{
    public const int FirstBundledYear = 2014;
    public const int LastBundledYear = 2027;

    private static readonly TimeOnly EarlyClose = new(13, 0);

    private readonly SortedDictionary<DateOnly, MarketSession> _sessions;
    private readonly DateOnly[] _dates;

    private UsEquityCalendar(SortedDictionary<DateOnly, MarketSession> sessions, DateOnly first, DateOnly last)
    {
        _sessions = sessions;
        _dates = [.. sessions.Keys];
        FirstDate = first;
        LastDate = last;
    }

    /// <summary>First date the calendar covers.</summary>
    public DateOnly FirstDate { get; }

    /// <summary>Last date the calendar covers.</summary>
    public DateOnly LastDate { get; }

    /// <summary>The NYSE calendar for 2014-2027 from the exchange's holiday and early-close rules.</summary>
    public static UsEquityCalendar Bundled()
    {
        var sessions = new SortedDictionary<DateOnly, MarketSession>();
        for (var year = FirstBundledYear; year <= LastBundledYear; year++)
        {
            var holidays = NyseHolidayRules.Holidays(year).ToHashSet();
            var earlyCloses = NyseHolidayRules.EarlyCloses(year).ToHashSet();
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(date))
                {
                    continue;
                }

                var close = earlyCloses.Contains(date) ? EarlyClose : NewYorkTime.RegularClose;
                sessions[date] = Session(date, NewYorkTime.RegularOpen, close);
            }
        }

        return new UsEquityCalendar(sessions, new DateOnly(FirstBundledYear, 1, 1), new DateOnly(LastBundledYear, 12, 31));
    }

    /// <summary>
    /// A calendar from broker entries (Alpaca <c>/v2/calendar</c>), covering the first through the last entry's date.
    /// Refuses an empty list, a repeated date, or an open not before its close, naming the date.
    /// </summary>
    public static UsEquityCalendar FromBroker(IEnumerable<BrokerCalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sessions = new SortedDictionary<DateOnly, MarketSession>();
        foreach (var entry in entries)
        {
            if (entry.Open >= entry.Close)
            {
                throw new ArgumentException($"broker calendar {entry.Date:yyyy-MM-dd}: open {entry.Open:HH\\:mm} is not before close {entry.Close:HH\\:mm}", nameof(entries));
            }

            if (!sessions.TryAdd(entry.Date, Session(entry.Date, entry.Open, entry.Close)))
            {
                throw new ArgumentException($"broker calendar lists {entry.Date:yyyy-MM-dd} twice", nameof(entries));
            }
        }

        if (sessions.Count == 0)
        {
            throw new ArgumentException("broker calendar is empty", nameof(entries));
        }

        return new UsEquityCalendar(sessions, sessions.Keys.First(), sessions.Keys.Last());
    }

    public bool Covers(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>True when the exchange holds a regular session on that New York date.</summary>
    public bool IsTradingDay(DateOnly date) => _sessions.ContainsKey(date);

    /// <summary>The session held on a New York date, or null (weekend, holiday, outside coverage).</summary>
    public MarketSession? SessionOn(DateOnly date) => _sessions.TryGetValue(date, out var session) ? session : null;

    /// <summary>The session in progress at an instant (open &lt;= instant &lt; close), or null.</summary>
    public MarketSession? SessionFor(DateTimeOffset instant) =>
        SessionOn(NewYorkTime.SessionDate(instant)) is { } session && session.Contains(instant) ? session : null;

    /// <summary>True during a regular session (so false after 13:00 ET on early-close days).</summary>
    public bool IsOpen(DateTimeOffset instant) => SessionFor(instant) is not null;

    /// <summary>The first session open strictly after <paramref name="instant"/>, or null past the coverage.</summary>
    public DateTimeOffset? NextOpen(DateTimeOffset instant) => FirstSessionAfter(instant, s => s.OpenUtc);

    /// <summary>The first session close strictly after <paramref name="instant"/> (the current session's if open), or null.</summary>
    public DateTimeOffset? NextClose(DateTimeOffset instant) => FirstSessionAfter(instant, s => s.CloseUtc);

    private DateTimeOffset? FirstSessionAfter(DateTimeOffset instant, Func<MarketSession, DateTimeOffset> pick)
    {
        var index = Array.BinarySearch(_dates, NewYorkTime.SessionDate(instant));
        for (var i = index >= 0 ? index : ~index; i < _dates.Length; i++)
        {
            var candidate = pick(_sessions[_dates[i]]);
            if (candidate > instant)
            {
                return candidate;
            }
        }

        return null;
    }

    private static MarketSession Session(DateOnly date, TimeOnly open, TimeOnly close) =>
        new(date, NewYorkTime.ToUtc(date, open), NewYorkTime.ToUtc(date, close));
}
