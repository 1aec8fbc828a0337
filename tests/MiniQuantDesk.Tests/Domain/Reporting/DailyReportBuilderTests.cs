using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Reporting;

namespace MiniQuantDesk.Tests.Domain.Reporting;

public sealed class DailyReportBuilderTests
{
    private static readonly DateOnly Session = new(2019, 2, 12);
    private static readonly DateTimeOffset Open = new(2019, 2, 12, 14, 30, 0, TimeSpan.Zero);

    private static Bar B(string symbol, int minute, decimal close) => new(symbol, Open.AddMinutes(minute), close, close, close, close, 100);

    private static FillEvent F(string order, string symbol, OrderSide side, decimal qty, decimal price, int minute) =>
        new(order, order + "-x", symbol, side, qty, price, 0m, Open.AddMinutes(minute).AddSeconds(30));

    [Fact]
    public void A_carried_position_and_a_round_trip_explain_the_account_change_by_hand()
    {
        // Overnight: 10 XYZ, previous close 50. Start equity 10,000 → cash 9,500.
        // 14:31 buy 5 ABC @ 20 (cash 9,400); 14:32 sell 4 XYZ @ 52 (cash 9,608; realised 4 × (52 − 50) = +8);
        // 14:33 sell 5 ABC @ 19 (cash 9,703; realised 5 × (19 − 20) = −5).
        // End: 6 XYZ at 53 → equity 9,703 + 318 = 10,021; unrealised 6 × (53 − 50) = +18. Day: +21 = 8 − 5 + 18.
        var input = new DailyReportInput(
            Session, 10_000m, 10_021m, Open.AddMinutes(10),
            [new HeldPosition("XYZ", 6m, 50m, 53m)],
            [F("o1", "ABC", OrderSide.Buy, 5m, 20m, 1), F("o2", "XYZ", OrderSide.Sell, 4m, 52m, 2), F("o3", "ABC", OrderSide.Sell, 5m, 19m, 3)],
            new Dictionary<string, IReadOnlyList<Bar>>
            {
                ["XYZ"] = [B("XYZ", 0, 51m), B("XYZ", 1, 51m), B("XYZ", 2, 52m), B("XYZ", 3, 53m)],
                ["ABC"] = [B("ABC", 1, 20m), B("ABC", 2, 21m), B("ABC", 3, 19m)],
            });

        var report = DailyReportBuilder.Build(input);

        Assert.Equal(21m, report.DayPnl);
        Assert.Equal(3m, report.RealizedPnl);
        Assert.Equal(18m, report.UnrealizedPnl);
        Assert.Equal(0m, report.Unexplained);
        Assert.Equal([0m, 8m, -5m], report.Trades.Select(t => t.RealizedPnl));
        Assert.Equal([false, true, true], report.Trades.Select(t => t.Closing));
        Assert.Equal(0.5m, report.WinRate);
        // Curve: start 10,000; 14:31 XYZ 51 → 9,500 + 510 = 10,010; 14:32 ABC bought, marks XYZ 51, ABC 20 → 9,400 + 510 + 100 = 10,010;
        // 14:33 XYZ sold 4 @ 52, marks XYZ 52, ABC 21 → 9,608 + 312 + 105 = 10,025; 14:34 ABC sold, XYZ 53 → 9,703 + 318 = 10,021; end 10,021.
        Assert.Equal([10_000m, 10_010m, 10_010m, 10_025m, 10_021m, 10_021m], report.Curve.Select(p => p.Equity));
        Assert.Equal(4m / 10_025m, report.MaxDrawdown); // the only fall: 10,025 → 10,021
    }

    [Fact]
    public void A_fee_the_fills_do_not_show_is_reported_as_unexplained()
    {
        var input = new DailyReportInput(Session, 1_000m, 999.5m, Open.AddHours(7), [], [], new Dictionary<string, IReadOnlyList<Bar>>());

        var report = DailyReportBuilder.Build(input);

        Assert.Equal(-0.5m, report.Unexplained);
        Assert.Null(report.WinRate);
        Assert.Equal([1_000m, 999.5m], report.Curve.Select(p => p.Equity));
    }

    [Fact]
    public void The_summary_is_due_after_the_close_plus_settle_time_on_trading_days_only()
    {
        var calendar = MiniQuantDesk.Domain.Calendar.UsEquityCalendar.Bundled();
        var tuesday = calendar.SessionOn(Session);
        var closeUtc = new DateTimeOffset(2019, 2, 12, 21, 0, 0, TimeSpan.Zero); // 16:00 EST

        Assert.False(DailySummarySchedule.IsDue(closeUtc.AddMinutes(5), tuesday));
        Assert.True(DailySummarySchedule.IsDue(closeUtc.AddMinutes(15), tuesday));
        Assert.False(DailySummarySchedule.IsDue(new DateTimeOffset(2019, 2, 16, 22, 0, 0, TimeSpan.Zero), calendar.SessionOn(new DateOnly(2019, 2, 16))));
        Assert.Equal("daily-summary:2019-02-12", DailySummarySchedule.IdFor(Session));
    }
}
