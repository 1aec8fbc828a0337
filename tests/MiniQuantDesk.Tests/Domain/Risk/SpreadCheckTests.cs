using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

public sealed class SpreadCheckTests
{
    private static readonly DateTimeOffset Now = new(2019, 2, 12, 15, 0, 30, TimeSpan.Zero);

    private static RiskContext Context(QuoteSnapshot? quote) => new()
    {
        Now = Now,
        TradingState = TradingState.Active,
        MarketOpen = true,
        LastBar = new MiniQuantDesk.Domain.MarketData.Bar("SPY", Now.AddSeconds(-90), 100m, 100m, 100m, 100m, 1000),
        Quote = quote,
        Account = new AccountSnapshot(100_000m, 100_000m, 100_000m, false, 0),
        Positions = new Dictionary<string, PositionSnapshot>(),
        Reserved = ReservedExposure.None,
        DayPnl = new DayPnl(0m, 0m),
        Peaks = new EquityPeaks(100_000m, 100_000m),
        Breaker = DrawdownBreakerState.Armed,
        RecentOrderInstants = [],
        ProtectionLocks = [],
    };

    private static OrderIntent Market => new("i-1", "SPY", OrderSide.Buy, 10m, OrderType.Market, null, Now, "t", 100m);

    [Theory]
    [InlineData("99.50", "100.50", true)]   // spread 1.00 on mid 100.00 = exactly 1 %: passes
    [InlineData("99.49", "100.51", false)]  // 1.02 % of 100.00: refused
    public void A_market_order_is_refused_only_beyond_the_spread_limit(string bid, string ask, bool approved)
    {
        var quote = new QuoteSnapshot(decimal.Parse(bid, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(ask, System.Globalization.CultureInfo.InvariantCulture));
        var verdict = RiskManager.Evaluate(Market, Context(quote), new RiskOptions());

        Assert.Equal(approved, !verdict.Has(RiskReasonCode.SpreadTooWide));
    }

    [Fact]
    public void Limit_orders_are_not_judged_by_the_spread_and_a_missing_quote_refuses_only_when_required()
    {
        var wide = new QuoteSnapshot(90m, 110m);
        var limit = Market with { Type = OrderType.Limit, LimitPrice = 100m };

        Assert.False(RiskManager.Evaluate(limit, Context(wide), new RiskOptions()).Has(RiskReasonCode.SpreadTooWide));
        Assert.True(RiskManager.Evaluate(Market, Context(null), new RiskOptions()).Approved);
        Assert.True(RiskManager.Evaluate(Market, Context(null), new RiskOptions { RequireQuoteForMarketOrders = true }).Has(RiskReasonCode.MissingQuote));
    }
}
