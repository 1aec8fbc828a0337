using MiniQuantDesk.Domain.Risk;
using static MiniQuantDesk.Tests.Domain.Risk.RiskScenario;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>
/// Pattern-day-trader rule: under $25,000 equity, closing or reducing a position opened today is a day
/// trade, refused when the account is flagged PDT or already has 3 day trades in the window.
/// </summary>
public sealed class RiskManagerPdtTests
{
    private static RiskContext Small(decimal equity, int? dayTrades, bool? flagged = false, bool openedToday = true) =>
        Context() with
        {
            Account = new AccountSnapshot(equity, equity, equity, flagged, dayTrades),
            Peaks = new EquityPeaks(equity, equity),
            Positions = new Dictionary<string, PositionSnapshot> { ["AAPL"] = new(10m, 1_000m, openedToday) },
        };

    [Theory]
    [InlineData(24_999.99, 2, true)]
    [InlineData(24_999.99, 3, false)]
    [InlineData(25_000, 3, true)]     // at the threshold the rule no longer applies
    public void A_fourth_day_trade_under_the_threshold_is_refused(decimal equity, int dayTrades, bool approved)
    {
        var verdict = Check(Sell(5), Small(equity, dayTrades));
        Assert.Equal(approved ? [] : [RiskReasonCode.PatternDayTrader], verdict.Codes);
    }

    [Fact]
    public void Closing_a_position_opened_on_an_earlier_day_is_not_a_day_trade()
    {
        Assert.True(Check(Sell(10), Small(10_000m, 3, openedToday: false)).Approved);
    }

    [Fact]
    public void An_account_flagged_pdt_under_the_threshold_cannot_day_trade()
    {
        Assert.Equal([RiskReasonCode.PatternDayTrader], Check(Sell(10), Small(10_000m, 0, flagged: true)).Codes);
    }

    [Fact]
    public void A_missing_daytrade_count_matters_only_for_a_day_trade_under_the_threshold()
    {
        Assert.Equal([RiskReasonCode.MissingDayTradeCount], Check(Sell(5), Small(10_000m, null)).Codes);
        Assert.True(Check(Sell(5), Small(30_000m, null)).Approved);
        Assert.True(Check(Sell(5), Small(10_000m, null, openedToday: false)).Approved);
    }

    [Fact]
    public void A_flip_of_a_position_opened_today_is_a_day_trade_too()
    {
        var verdict = Check(Sell(12), Small(24_000m, 3));
        Assert.Contains(RiskReasonCode.PatternDayTrader, verdict.Codes);
    }

    [Fact]
    public void Buying_more_of_a_position_opened_today_is_not_a_day_trade()
    {
        Assert.True(Check(Buy(5), Small(24_000m, 3)).Approved);
    }
}
