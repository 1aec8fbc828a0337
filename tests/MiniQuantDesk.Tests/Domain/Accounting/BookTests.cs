using MiniQuantDesk.Domain.Accounting;
using static MiniQuantDesk.Tests.Domain.Accounting.Fills;

namespace MiniQuantDesk.Tests.Domain.Accounting;

public sealed class BookTests
{
    [Fact]
    public void Cash_positions_pnl_and_commissions_by_hand()
    {
        var book = Book.Open(10_000m, T0)
            .Apply(Buy(100m, 10.00m, commission: 1m))   // cash 10000 − 1000 − 1 = 8999
            .Apply(Buy(50m, 11.00m, commission: 1m))    // 8999 − 550 − 1 = 8448
            .Apply(Sell(120m, 12.00m, commission: 1m)); // 8448 + 1440 − 1 = 9887; realised 1440 − 1240 = 200

        Assert.Equal(9887m, book.Cash);
        Assert.Equal(200m, book.RealizedPnl);
        Assert.Equal(3m, book.Commissions);
        Assert.Equal(30m, book.PositionOf("AAPL").Quantity);

        var value = book.Value(Marks(("AAPL", 12m)));

        Assert.Equal(360m, value.MarketValue);                 // 30 × 12
        Assert.Equal(10_247m, value.Equity);                   // 9887 + 360
        Assert.Equal(50m, value.UnrealizedPnl);                // 360 − 30 × 10.3333… (cost 310)
        Assert.Equal(247m, value.DayPnl);                      // 200 realised + 50 unrealised − 3 commissions
        Assert.Equal(0.0247m, value.DayReturn);                // 247 / 10000
        Assert.Equal(200m, value.DayRealizedPnl);
        Assert.Equal(3m, value.DayCommissions);
    }

    [Fact]
    public void A_short_sale_adds_cash_and_a_negative_market_value()
    {
        var book = Book.Open(10_000m, T0).Apply(Sell(10m, 100m));

        Assert.Equal(11_000m, book.Cash);
        Assert.Equal(10_000m, book.Equity(Marks(("AAPL", 100m))));
        Assert.Equal(10_100m, book.Equity(Marks(("AAPL", 90m))));
    }

    [Fact]
    public void A_round_trip_leaves_no_position_and_costs_only_the_commissions()
    {
        var book = Book.Open(10_000m, T0).Apply(Buy(10m, 50m, commission: 0.5m)).Apply(Sell(10m, 50m, commission: 0.5m));

        Assert.Empty(book.Positions);
        Assert.Equal(9_999m, book.Cash);
        Assert.Equal(0m, book.RealizedPnl);
        Assert.Equal(9_999m, book.Value(Marks()).Equity);
    }

    [Fact]
    public void Drawdowns_from_the_day_peak_and_the_all_time_peak_by_hand()
    {
        var day1 = Book.Open(10_000m, T0).Apply(Buy(100m, 50m));   // cash 5000

        day1 = day1.Mark(Marks(("AAPL", 60m)), T0.AddMinutes(1));   // equity 11000: the peak
        day1 = day1.Mark(Marks(("AAPL", 45m)), T0.AddMinutes(2));   // equity 9500
        var v1 = day1.Value(Marks(("AAPL", 45m)));

        Assert.Equal(11_000m, day1.DayPeakEquity);
        Assert.Equal(new Drawdown(1_500m, 1_500m / 11_000m), v1.DayDrawdown);  // 0.13636…
        Assert.Equal(new Drawdown(1_500m, 1_500m / 11_000m), v1.Drawdown);
        Assert.Equal(-500m, v1.DayPnl);

        var day2 = day1.StartDay(Marks(("AAPL", 45m)), T0.AddDays(1));          // starts at 9500
        var v2 = day2.Value(Marks(("AAPL", 47m)));                             // equity 9700

        Assert.Equal(9_500m, day2.DayStartEquity);
        Assert.Equal(200m, v2.DayPnl);
        Assert.Equal(new Drawdown(0m, 0m), v2.DayDrawdown);                     // above the day's peak of 9500
        Assert.Equal(new Drawdown(1_300m, 1_300m / 11_000m), v2.Drawdown);      // 11000 − 9700
    }

    [Fact]
    public void Starting_a_day_resets_the_day_figures_and_keeps_the_lifetime_ones()
    {
        var book = Book.Open(10_000m, T0).Apply(Buy(10m, 10m, commission: 1m)).Apply(Sell(10m, 12m, commission: 1m));

        var next = book.StartDay(Marks(), T0.AddDays(1));

        Assert.Equal(0m, next.DayRealizedPnl);
        Assert.Equal(0m, next.DayCommissions);
        Assert.Equal(20m, next.RealizedPnl);        // 10 × (12 − 10)
        Assert.Equal(2m, next.Commissions);
        Assert.Equal(10_018m, next.DayStartEquity); // 10000 + 20 − 2
        Assert.Equal(10_018m, next.PeakEquity);
    }

    [Fact]
    public void A_split_leaves_equity_unchanged_at_the_split_adjusted_mark()
    {
        var book = Book.Open(10_000m, T0).Apply(Buy(100m, 30m));

        var split = book.ApplySplit("AAPL", 3m, T0.AddDays(1));

        Assert.Equal(book.Equity(Marks(("AAPL", 33m))), split.Equity(Marks(("AAPL", 11m))));
        Assert.Equal(300m, split.PositionOf("AAPL").Quantity);
        Assert.Equal(book.Cash, split.Cash);
    }

    [Fact]
    public void Valuing_without_a_mark_for_an_open_position_names_it()
    {
        var book = Book.Open(10_000m, T0).Apply(Buy(1m, 10m)).Apply(Buy(1m, 10m, symbol: "MSFT"));
        var marks = Marks(("AAPL", 10m), ("MSFT", 0m));

        Assert.Equal(["MSFT"], book.MissingMarks(marks));
        var error = Assert.Throws<ArgumentException>(() => book.Value(marks));
        Assert.Contains("MSFT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_fill_changes_nothing()
    {
        var book = Book.Open(10_000m, T0);

        var error = Assert.Throws<ArgumentException>(() => book.Apply(Buy(5m, 10m, commission: -1m)));

        Assert.Contains("FillEvent.Commission must be >= 0, was -1", error.Message, StringComparison.Ordinal);
        Assert.Equal(10_000m, book.Cash);
        Assert.Empty(book.Positions);
    }

    [Fact]
    public void A_new_high_is_a_zero_drawdown()
    {
        Assert.Equal(new Drawdown(0m, 0m), Drawdown.From(100m, 120m));
        Assert.Equal(new Drawdown(25m, 0.25m), Drawdown.From(100m, 75m));
    }
}
