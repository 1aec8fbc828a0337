using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Reporting;

namespace MiniQuantDesk.Tests.Domain.Reporting;

public sealed class PerformanceReportTests
{
    private static readonly DateTimeOffset Monday = new(2019, 2, 11, 15, 0, 0, TimeSpan.Zero);

    private static FillEvent F(string order, string symbol, OrderSide side, decimal qty, decimal price, int day) =>
        new(order, order, symbol, side, qty, price, 0m, Monday.AddDays(day));

    [Fact]
    public void A_trade_closed_in_the_period_counts_against_its_cost_even_when_opened_before()
    {
        // Monday: buy 10 SPY @ 100 (set a). Tuesday: sell 10 @ 103 → +30 (a). Tuesday: buy 2 QQQ @ 50, sell 2 @ 49 → −2 (b).
        var fills = new[]
        {
            F("a1", "SPY", OrderSide.Buy, 10m, 100m, 0), F("a2", "SPY", OrderSide.Sell, 10m, 103m, 1),
            F("b1", "QQQ", OrderSide.Buy, 2m, 50m, 1), F("b2", "QQQ", OrderSide.Sell, 2m, 49m, 1),
        };

        var tuesday = PerformanceReport.Build(fills, Monday.AddDays(1).AddHours(-1), id => id[..1]);
        var sinceWednesday = PerformanceReport.Build(fills, Monday.AddDays(2), id => id[..1]);

        Assert.Equal(28m, tuesday.RealizedPnl);
        Assert.Equal([("a", 30m, 1, 1), ("b", -2m, 1, 0)], tuesday.ByStrategy.Select(l => (l.Group, l.RealizedPnl, l.ClosingTrades, l.Wins)));
        Assert.Equal(0.5m, tuesday.BySymbol.Sum(l => l.Wins) / (decimal)tuesday.BySymbol.Sum(l => l.ClosingTrades));
        Assert.Empty(sinceWednesday.BySymbol);
    }
}
