using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.MarketData;

public sealed class BarIntakeTests
{
    private static readonly DateTimeOffset T0 = new(2019, 2, 11, 14, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static Bar B(string symbol, int minute, decimal close, decimal? high = null) =>
        new(symbol, T0.AddMinutes(minute), close, high ?? close + 0.05m, close - 0.05m, close, 1000);

    [Fact]
    public void Only_completed_bars_are_kept_and_catch_up_history_is_not_called_stale()
    {
        var now = T0.AddMinutes(5).AddSeconds(3); // minute 4 ended 3 s ago; minute 5 is still being built
        var fetched = Enumerable.Range(0, 6).Select(i => B("SPY", i, 271m + i)).ToList();

        var result = BarIntake.Admit(fetched, new Dictionary<string, Bar>(), now, new BarValidator(), Minute);

        Assert.Equal(fetched.Take(5), result.Accepted);
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void A_bad_bar_is_skipped_with_a_reason_later_bars_are_judged_against_the_last_good_one_and_other_symbols_go_on()
    {
        var now = T0.AddMinutes(3);
        var broken = new Bar("SPY", T0.AddMinutes(1), 271m, 270.9m, 270m, 271m, 1000); // high below open/close
        var fetched = new[] { B("SPY", 0, 271m), broken, B("SPY", 2, 271.1m), B("QQQ", 0, 165m), B("QQQ", 1, 165.1m), B("QQQ", 2, 165.2m) };

        var result = BarIntake.Admit(fetched, new Dictionary<string, Bar>(), now, new BarValidator(), Minute);

        Assert.Equal([B("SPY", 0, 271m), B("SPY", 2, 271.1m), B("QQQ", 0, 165m), B("QQQ", 1, 165.1m), B("QQQ", 2, 165.2m)], result.Accepted);
        var rejection = Assert.Single(result.Rejected);
        Assert.Equal(broken, rejection.Bar);
        Assert.Equal(BarRejection.HighBelowOpenOrClose, rejection.Reason);
    }

    [Fact]
    public void When_the_newest_bar_is_bad_the_symbol_has_nothing_new_this_minute()
    {
        var now = T0.AddMinutes(2);
        var broken = new Bar("SPY", T0.AddMinutes(1), 271m, 270.9m, 270m, 271m, 1000);
        var result = BarIntake.Admit([broken], new Dictionary<string, Bar> { ["SPY"] = B("SPY", 0, 271m) }, now, new BarValidator(), Minute);

        Assert.Empty(result.Accepted);
        Assert.Equal(broken, Assert.Single(result.Rejected).Bar);
    }

    [Fact]
    public void A_feed_that_only_returns_old_bars_is_stale_and_a_refetched_bar_is_not_new()
    {
        var last = B("SPY", 0, 271m);
        var now = T0.AddMinutes(10);
        var result = BarIntake.Admit([last, B("SPY", 1, 271.1m)], new Dictionary<string, Bar> { ["SPY"] = last }, now, new BarValidator(), Minute);

        Assert.Empty(result.Accepted);
        Assert.Equal(BarRejection.Stale, Assert.Single(result.Rejected).Reason);
    }
}
