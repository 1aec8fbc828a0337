using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using static MiniQuantDesk.Tests.Domain.Risk.RiskScenario;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>Each limit, at its boundary and one step beyond. USD limits are inclusive.</summary>
public sealed class RiskManagerLimitTests
{
    [Fact]
    public void The_baseline_order_is_approved_with_its_notional_to_reserve()
    {
        var verdict = Check(Buy(), Context());

        Assert.True(verdict.Approved, verdict.ToString());
        Assert.Empty(verdict.Reasons);
        Assert.Equal(1_000m, verdict.OrderNotionalUsd); // 10 × $100
        Assert.Equal(1_000m, verdict.AddedExposureUsd);
        Assert.False(verdict.ReducesPosition);
    }

    [Theory]
    [InlineData(10, true)]  // 10 × 100 = 1,000 = limit
    [InlineData(11, false)] // 1,100 > 1,000
    public void Max_order_notional(int quantity, bool approved)
    {
        var options = new RiskOptions { MaxOrderNotionalUsd = 1_000m };
        var verdict = Check(Buy(quantity), Context(), options);
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxOrderNotional], verdict.Codes);
    }

    [Theory]
    [InlineData(0, true)]       // (5 + 10) × 100 = 1,500 = limit
    [InlineData(0.01, false)]   // 1,500.01 with a cent in flight for AAPL
    public void Max_position_size_counts_the_position_after_the_order_and_in_flight_orders(decimal inFlight, bool approved)
    {
        var context = Context() with
        {
            Positions = Positions(("AAPL", 5m, 500m)),
            Reserved = Reserved(inFlight, ("AAPL", inFlight)),
        };
        var verdict = Check(Buy(10), context, new RiskOptions { MaxPositionSizeUsd = 1_500m });
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxPositionSize], verdict.Codes);
    }

    [Fact]
    public void Max_position_size_applies_to_a_new_short()
    {
        // Sell 20 with no position: a 20-share short worth 2,000 > 1,500.
        var verdict = Check(Sell(20), Context(), new RiskOptions { MaxPositionSizeUsd = 1_500m });
        Assert.Equal([RiskReasonCode.MaxPositionSize], verdict.Codes);
    }

    [Theory]
    [InlineData(7_500, true)]     // |4,000| + |-2,000| + 10 × 100 + 500 in flight = 7,500
    [InlineData(7_499.99, false)]
    public void Max_portfolio_exposure_is_gross_and_includes_in_flight_exposure(decimal limit, bool approved)
    {
        var context = Context() with
        {
            Positions = Positions(("MSFT", 10m, 4_000m), ("TSLA", -10m, -2_000m)),
            Reserved = Reserved(500m, ("GOOG", 500m)),
        };
        var options = new RiskOptions { MaxPortfolioExposureUsd = limit, MaxOpenPositions = 10 };
        var verdict = Check(Buy(10), context, options);
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxPortfolioExposure], verdict.Codes);
    }

    [Theory]
    [InlineData(4, true)]  // MSFT, TSLA held + GOOG in flight = 3; AAPL makes 4
    [InlineData(3, false)]
    public void Max_open_positions_counts_held_and_in_flight_symbols_but_not_flat_ones(int limit, bool approved)
    {
        var context = Context() with
        {
            Positions = Positions(("MSFT", 10m, 4_000m), ("TSLA", -10m, -2_000m), ("NVDA", 0m, 0m)),
            Reserved = Reserved(500m, ("GOOG", 500m)),
        };
        var verdict = Check(Buy(10), context, new RiskOptions { MaxOpenPositions = limit });
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxOpenPositions], verdict.Codes);
    }

    [Fact]
    public void Max_open_positions_does_not_apply_to_adding_to_a_held_symbol()
    {
        var context = Context() with
        {
            LastBar = AaplBar() with { Symbol = "MSFT" },
            Positions = Positions(("MSFT", 10m, 1_000m), ("TSLA", -10m, -2_000m)),
        };
        var verdict = Check(Buy(10, "MSFT"), context, new RiskOptions { MaxOpenPositions = 2 });
        Assert.True(verdict.Approved, verdict.ToString());
    }

    [Theory]
    [InlineData(1_500, true)]      // 1,500 − 500 reserved = 1,000 available = the order's 1,000
    [InlineData(1_499.99, false)]
    public void Buying_power_has_reserved_exposure_subtracted(decimal buyingPower, bool approved)
    {
        var context = Context() with
        {
            Account = new AccountSnapshot(100_000m, 1_500m, buyingPower, false, 0),
            Reserved = Reserved(500m, ("GOOG", 500m)),
        };
        var verdict = Check(Buy(10), context);
        Assert.Equal(approved ? [] : [RiskReasonCode.InsufficientBuyingPower], verdict.Codes);
    }

    [Theory]
    [InlineData(-399.99, true)]  // −600 − 399.99 = −999.99: under the 1,000 loss limit
    [InlineData(-400, false)]    // −1,000: the limit is reached
    public void Max_daily_loss_counts_realised_and_unrealised(decimal unrealised, bool approved)
    {
        var context = Context() with { DayPnl = new DayPnl(-600m, unrealised) };
        var verdict = Check(Buy(), context, new RiskOptions { MaxDailyLossUsd = 1_000m });
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxDailyLoss], verdict.Codes);
    }

    [Theory]
    [InlineData(59, 9, true)]   // 9 orders at −59 s … −51 s, limit 10
    [InlineData(59, 10, false)] // 10 orders at −59 s … −50 s: the 11th is refused
    [InlineData(60, 10, true)]  // −60 s … −51 s: the oldest is exactly 60 s back, outside the window
    public void Max_order_rate_counts_the_last_60_seconds(int oldestSecondsAgo, int count, bool approved)
    {
        var instants = Enumerable.Range(0, count)
            .Select(i => Now.AddSeconds(-oldestSecondsAgo + i))
            .ToList();
        var verdict = Check(Buy(), Context() with { RecentOrderInstants = instants }, new RiskOptions { MaxOrdersPerMinute = 10 });
        Assert.Equal(approved ? [] : [RiskReasonCode.MaxOrderRate], verdict.Codes);
    }

    [Theory]
    [InlineData(105, true)]      // 5 % above the close of 100
    [InlineData(105.01, false)]
    [InlineData(95, true)]
    [InlineData(94.99, false)]
    public void Limit_price_must_sit_inside_the_band_around_the_last_close(decimal limit, bool approved)
    {
        // A small order so the notional limit is not what refuses it.
        var verdict = Check(Limit(OrderSide.Buy, 1m, limit), Context());
        Assert.Equal(approved ? [] : [RiskReasonCode.PriceOutOfBand], verdict.Codes);
    }

    [Theory]
    [InlineData(105, true)]
    [InlineData(105.01, false)]
    [InlineData(94.99, false)]
    public void Reference_price_must_sit_inside_the_band_too(decimal reference, bool approved)
    {
        var verdict = Check(Buy(1, referencePrice: reference), Context());
        Assert.Equal(approved ? [] : [RiskReasonCode.PriceOutOfBand], verdict.Codes);
    }

    [Fact]
    public void A_limit_and_a_reference_price_both_out_of_band_give_two_reasons()
    {
        var verdict = Check(Limit(OrderSide.Buy, 1m, 120m, referencePrice: 80m), Context());
        Assert.Equal([RiskReasonCode.PriceOutOfBand, RiskReasonCode.PriceOutOfBand], verdict.Codes);
        Assert.Contains("reference price 80 is 20% from the last close 100", verdict.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90_000, true)]      // the bar ended 15:00:00; now 15:01:30 is exactly 90 s later
    [InlineData(90_001, false)]     // one millisecond more
    public void Bar_staleness_is_measured_from_the_bar_end(int millisecondsAfterBarEnd, bool approved)
    {
        var barEnd = new DateTimeOffset(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
        var verdict = Check(Buy(), Context() with { Now = barEnd.AddMilliseconds(millisecondsAfterBarEnd) });
        Assert.Equal(approved ? [] : [RiskReasonCode.StaleBar], verdict.Codes);
    }

    [Fact]
    public void A_closed_market_refuses()
    {
        var verdict = Check(Buy(), Context() with { MarketOpen = false });
        Assert.Equal([RiskReasonCode.MarketClosed], verdict.Codes);
    }

    [Fact]
    public void Reason_sentences_carry_the_numbers()
    {
        var verdict = Check(Buy(11), Context(), new RiskOptions { MaxOrderNotionalUsd = 1_000m });
        Assert.Equal(
            "order notional $1,100.00 (11 at 100) is above Risk:MaxOrderNotionalUsd $1,000.00",
            Assert.Single(verdict.Reasons).Message);
    }
}
