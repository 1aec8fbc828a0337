using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.MarketData;

public sealed class SplitListTests
{
    private static readonly SplitList Splits = new(
    [
        new SplitEvent("AAPL", new DateOnly(2014, 6, 9), 7m),
        new SplitEvent("AAPL", new DateOnly(2020, 8, 31), 4m),
        new SplitEvent("TSLA", new DateOnly(2020, 8, 31), 5m),
    ]);

    [Theory]
    [InlineData("AAPL", "2014-06-06", "2014-06-09", 7)]   // Friday to ex-date Monday
    [InlineData("AAPL", "2014-06-09", "2014-06-10", 1)]   // already applied
    [InlineData("AAPL", "2014-06-05", "2014-06-06", 1)]   // before
    [InlineData("AAPL", "2014-01-01", "2021-01-01", 28)]  // both splits
    [InlineData("MSFT", "2014-06-06", "2014-06-09", 1)]   // another symbol
    public void Ratio_between_two_sessions_combines_the_splits_in_between(string symbol, string previous, string session, decimal expected)
    {
        var ratio = Splits.RatioBetween(symbol, DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(session, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, ratio);
    }

    [Fact]
    public void Bad_splits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitEvent("AAPL", new DateOnly(2014, 6, 9), 0m));
        Assert.Throws<ArgumentException>(() => new SplitList([new SplitEvent("A", new DateOnly(2020, 1, 2), 2m), new SplitEvent("A", new DateOnly(2020, 1, 2), 3m)]));
    }
}
