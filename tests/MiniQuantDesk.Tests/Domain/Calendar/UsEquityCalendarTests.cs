using System.Globalization;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.Calendar;

public sealed class UsEquityCalendarTests
{
    private static readonly UsEquityCalendar Bundled = UsEquityCalendar.Bundled();

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1day/SPY.csv")]                                  // 2019-01-02 .. 2025-07-09 (incl. 2025-01-09)
    [InlineData("extra/1day_unadjusted_2018_2019/SPY.csv")]       // 2018-01-02 .. 2019-02-15 (incl. 2018-12-05)
    public void Trading_days_are_exactly_the_weekdays_with_a_daily_bar(string file)
    {
        var traded = Fixture.Bars(file, "SPY").Select(b => NewYorkTime.SessionDate(b.Start)).ToHashSet();
        var first = traded.Min();
        var last = traded.Max();

        var mismatches = new List<string>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (Bundled.IsTradingDay(date) != traded.Contains(date))
            {
                mismatches.Add($"{date:yyyy-MM-dd} calendar={Bundled.IsTradingDay(date)} bars={traded.Contains(date)}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("2018-12-05")] // national day of mourning, G. H. W. Bush
    [InlineData("2025-01-09")] // national day of mourning, J. Carter
    [InlineData("2021-12-24")] // Christmas (Saturday) observed on Friday
    [InlineData("2022-06-20")] // Juneteenth (Sunday) observed on Monday
    [InlineData("2027-06-18")] // Juneteenth (Saturday) observed on Friday
    [InlineData("2026-07-03")] // Independence Day (Saturday) observed on Friday
    [InlineData("2016-03-25")] // Good Friday
    [InlineData("2027-03-26")] // Good Friday
    [InlineData("2014-01-20")] // MLK day
    public void Closed_days(string date) => Assert.False(Bundled.IsTradingDay(D(date)));

    [Theory]
    [InlineData("2021-12-31")] // New Year's Day 2022 is a Saturday: NYSE does not close the Friday before
    [InlineData("2021-06-18")] // Juneteenth was not yet an exchange holiday
    [InlineData("2016-07-01")]
    public void Open_days(string date) => Assert.True(Bundled.IsTradingDay(D(date)));

    [Theory]
    [InlineData("2015-11-27")] // day after Thanksgiving
    [InlineData("2015-12-24")] // Christmas Eve
    [InlineData("2019-07-03")] // day before a Thursday Independence Day
    [InlineData("2025-07-03")]
    [InlineData("2026-12-24")]
    public void Early_closes_end_at_13_00_new_york(string date)
    {
        var session = Bundled.SessionOn(D(date))!.Value;

        Assert.True(session.IsEarlyClose);
        Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(NewYorkTime.ToNewYork(session.CloseUtc)));
    }

    [Theory]
    [InlineData("2016-07-01")] // July 4 on a Monday: no early close the Friday before
    [InlineData("2021-07-02")]
    [InlineData("2018-12-31")]
    public void Ordinary_days_close_at_16_00(string date) => Assert.False(Bundled.SessionOn(D(date))!.Value.IsEarlyClose);

    [Fact]
    public void Goog_bars_after_13_00_et_on_2015_12_24_are_outside_the_session()
    {
        var bars = Fixture.Bars("extra/lean/GOOG_2015-12-23_2015-12-28.csv", "GOOG")
            .Where(b => NewYorkTime.SessionDate(b.Start) == new DateOnly(2015, 12, 24)).ToList();
        var afterEarlyClose = bars.Where(b => NewYorkTime.ToNewYork(b.Start).TimeOfDay >= new TimeSpan(13, 0, 0)).ToList();
        var regular = bars.Where(b => NewYorkTime.IsRegularSession(b.Start) && NewYorkTime.ToNewYork(b.Start).TimeOfDay < new TimeSpan(13, 0, 0)).ToList();
        Assert.NotEmpty(afterEarlyClose);
        Assert.NotEmpty(regular);

        Assert.All(afterEarlyClose, b => Assert.False(Bundled.IsOpen(b.Start), $"{b.Start:O} is after the 13:00 ET close"));
        Assert.All(regular, b => Assert.True(Bundled.IsOpen(b.Start), $"{b.Start:O} is in the half-day session"));
        Assert.Equal(T("2015-12-24T18:00:00Z"), Bundled.SessionOn(new DateOnly(2015, 12, 24))!.Value.CloseUtc);
    }

    [Fact]
    public void Session_instants_follow_daylight_saving()
    {
        Assert.Equal(T("2019-03-08T14:30:00Z"), Bundled.SessionOn(D("2019-03-08"))!.Value.OpenUtc); // EST
        Assert.Equal(T("2019-03-11T13:30:00Z"), Bundled.SessionOn(D("2019-03-11"))!.Value.OpenUtc); // EDT
        Assert.Equal(T("2019-03-11T20:00:00Z"), Bundled.SessionOn(D("2019-03-11"))!.Value.CloseUtc);
    }

    [Theory]
    [InlineData("2019-02-15T21:00:00Z", "2019-02-19T14:30:00Z")] // Friday close -> Tuesday (Presidents Day)
    [InlineData("2019-02-19T14:30:00Z", "2019-02-20T14:30:00Z")] // at the open: the next one
    [InlineData("2019-02-19T14:29:59Z", "2019-02-19T14:30:00Z")]
    [InlineData("2015-12-24T18:30:00Z", "2015-12-28T14:30:00Z")] // after the half-day, over Christmas and a weekend
    public void Next_open(string at, string expected) => Assert.Equal(T(expected), Bundled.NextOpen(T(at)));

    [Fact]
    public void Session_for_an_instant_and_is_open()
    {
        Assert.Equal(D("2019-02-11"), Bundled.SessionFor(T("2019-02-11T14:30:00Z"))!.Value.Date);
        Assert.Null(Bundled.SessionFor(T("2019-02-11T21:00:00Z")));   // 16:00 ET: closed
        Assert.Null(Bundled.SessionFor(T("2019-02-18T15:00:00Z")));   // Presidents Day
        Assert.True(Bundled.IsOpen(T("2019-02-11T20:59:59Z")));
        Assert.Equal(T("2019-02-11T21:00:00Z"), Bundled.NextClose(T("2019-02-11T15:00:00Z")));
    }

    [Fact]
    public void Outside_its_coverage_the_calendar_reads_closed()
    {
        Assert.False(Bundled.Covers(D("2028-01-03")));
        Assert.Null(Bundled.SessionFor(T("2028-01-03T15:00:00Z")));
        Assert.Null(Bundled.NextOpen(T("2027-12-31T21:00:00Z")));
    }

    [Fact]
    public void A_broker_calendar_gives_its_own_hours()
    {
        var broker = UsEquityCalendar.FromBroker(
        [
            new BrokerCalendarEntry(D("2024-11-27"), new TimeOnly(9, 30), new TimeOnly(16, 0)),
            new BrokerCalendarEntry(D("2024-11-29"), new TimeOnly(9, 30), new TimeOnly(13, 0)), // 28th: Thanksgiving, absent
            new BrokerCalendarEntry(D("2024-12-02"), new TimeOnly(9, 30), new TimeOnly(16, 0)),
        ]);

        Assert.False(broker.IsTradingDay(D("2024-11-28")));
        Assert.True(broker.IsOpen(T("2024-11-29T17:59:00Z")));   // 12:59 EST
        Assert.False(broker.IsOpen(T("2024-11-29T18:00:00Z")));  // 13:00 EST
        Assert.Equal(T("2024-12-02T14:30:00Z"), broker.NextOpen(T("2024-11-29T18:00:00Z")));
        Assert.Equal(D("2024-11-27"), broker.FirstDate);
        Assert.Equal(D("2024-12-02"), broker.LastDate);
    }

    [Fact]
    public void Bad_broker_entries_are_refused_naming_the_date()
    {
        var twice = Assert.Throws<ArgumentException>(() => UsEquityCalendar.FromBroker(
        [
            new BrokerCalendarEntry(D("2024-11-27"), new TimeOnly(9, 30), new TimeOnly(16, 0)),
            new BrokerCalendarEntry(D("2024-11-27"), new TimeOnly(9, 30), new TimeOnly(13, 0)),
        ]));
        Assert.Contains("2024-11-27 twice", twice.Message, StringComparison.Ordinal);

        var backwards = Assert.Throws<ArgumentException>(() => UsEquityCalendar.FromBroker([new BrokerCalendarEntry(D("2024-11-27"), new TimeOnly(16, 0), new TimeOnly(9, 30))]));
        Assert.Contains("2024-11-27: open 16:00 is not before close 09:30", backwards.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => UsEquityCalendar.FromBroker([]));
    }

    [Fact]
    public void Broker_and_bundled_calendars_agree_when_fed_the_bundled_sessions()
    {
        var entries = Enumerable.Range(0, 366).Select(i => D("2024-01-01").AddDays(i))
            .Select(d => Bundled.SessionOn(d)).OfType<MarketSession>()
            .Select(s => new BrokerCalendarEntry(s.Date, TimeOnly.FromDateTime(NewYorkTime.ToNewYork(s.OpenUtc)), TimeOnly.FromDateTime(NewYorkTime.ToNewYork(s.CloseUtc))));
        var broker = UsEquityCalendar.FromBroker(entries);

        for (var date = D("2024-01-01"); date <= D("2024-12-31"); date = date.AddDays(1))
        {
            Assert.Equal(Bundled.SessionOn(date), broker.SessionOn(date));
        }

        // NYSE published 252 trading days for 2024.
        Assert.Equal(252, Enumerable.Range(0, 366).Count(i => broker.IsTradingDay(D("2024-01-01").AddDays(i))));
    }
}
