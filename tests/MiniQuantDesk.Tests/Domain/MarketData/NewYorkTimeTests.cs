using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.MarketData;

public sealed class NewYorkTimeTests
{
    [Theory]
    [InlineData("2019-02-11T14:30:00Z", true)]   // 09:30 EST: first regular minute
    [InlineData("2019-02-11T14:29:00Z", false)]  // 09:29 EST
    [InlineData("2019-02-11T20:59:00Z", true)]   // 15:59 EST
    [InlineData("2019-02-11T21:00:00Z", false)]  // 16:00 EST
    [InlineData("2025-07-08T13:30:00Z", true)]   // 09:30 EDT
    [InlineData("2025-07-08T14:29:00Z", true)]   // 10:29 EDT (a fixed -5 h would say 09:29, outside)
    [InlineData("2025-07-08T20:00:00Z", false)]  // 16:00 EDT
    [InlineData("2025-07-08T12:33:00Z", false)]  // 08:33 EDT pre-market
    [InlineData("2019-03-11T13:30:00Z", true)]   // first Monday of EDT 2019
    [InlineData("2019-03-08T13:30:00Z", false)]  // the Friday before: 08:30 EST
    public void Regular_session_filter_is_daylight_saving_correct(string start, bool expected)
    {
        Assert.Equal(expected, NewYorkTime.IsRegularSession(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2015-12-24T00:30:00Z", "2015-12-23")]  // 19:30 ET the evening before: post-market of the 23rd
    [InlineData("2019-01-02T05:00:00Z", "2019-01-02")]  // daily bar stamped at New York midnight (EST)
    [InlineData("2025-07-09T04:00:00Z", "2025-07-09")]  // daily bar stamped at New York midnight (EDT)
    [InlineData("2025-07-09T03:59:00Z", "2025-07-08")]
    public void Session_key_is_the_new_york_date_of_the_bar_start(string start, string date)
    {
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            NewYorkTime.SessionDate(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_extended_hours_file_has_the_regular_minutes_quality_md_counts()
    {
        // QUALITY.md: RTH bars per ET date 388, 390, 383, 389, 390 in this file.
        var bars = Fixture.Bars("extra/1min_extended_hours/SPY_2025-07-08_2025-07-14.csv", "SPY");

        var perDay = bars.Where(b => NewYorkTime.IsRegularSession(b.Start))
            .GroupBy(b => NewYorkTime.SessionDate(b.Start)).Select(g => g.Count()).ToArray();

        Assert.Equal([388, 390, 383, 389, 390], perDay);
    }
}
