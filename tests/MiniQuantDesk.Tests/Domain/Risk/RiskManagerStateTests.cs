using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;
using static MiniQuantDesk.Tests.Domain.Risk.RiskScenario;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>Trading states, ways out, the breaker, locks, PDT, and every reason listed at once.</summary>
public sealed class RiskManagerStateTests
{
    private static RiskContext LongAapl(decimal quantity, decimal marketValue, bool openedToday = false) =>
        Context() with
        {
            Positions = new Dictionary<string, PositionSnapshot> { ["AAPL"] = new(quantity, marketValue, openedToday) },
        };

    [Fact]
    public void Halted_blocks_everything_including_exits()
    {
        var context = LongAapl(10m, 1_000m) with { TradingState = TradingState.Halted };

        Assert.Equal([RiskReasonCode.TradingHalted], Check(Buy(), context).Codes);
        Assert.Equal([RiskReasonCode.TradingHalted], Check(Sell(5), context).Codes);
    }

    [Theory]
    [InlineData("sell", 5, true)]    // shrinks long 10 to 5
    [InlineData("sell", 10, true)]   // closes it
    [InlineData("sell", 11, false)]  // flips to short 1: not only shrinking
    [InlineData("buy", 1, false)]    // grows it
    public void Reducing_lets_only_orders_that_shrink_a_position_pass(string side, int quantity, bool approved)
    {
        var context = LongAapl(10m, 1_000m) with { TradingState = TradingState.Reducing };
        var intent = side == "sell" ? Sell(quantity) : Buy(quantity);

        var verdict = Check(intent, context);

        Assert.Equal(approved ? [] : [RiskReasonCode.ReducingOnly], verdict.Codes);
    }

    [Fact]
    public void Reducing_refuses_opening_a_short_in_a_symbol_not_held()
    {
        var verdict = Check(Sell(5), Context() with { TradingState = TradingState.Reducing });
        Assert.Equal([RiskReasonCode.ReducingOnly], verdict.Codes);
    }

    [Fact]
    public void Buying_back_a_short_is_a_reducing_order()
    {
        var context = LongAapl(-10m, -1_000m) with { TradingState = TradingState.Reducing };
        var verdict = Check(Buy(4), context);
        Assert.True(verdict.Approved, verdict.ToString());
        Assert.True(verdict.ReducesPosition);
    }

    /// <summary>Everything an entry could trip is tripped; the way out still passes.</summary>
    private static RiskContext EverythingBreached() =>
        LongAapl(200m, 20_000m) with
        {
            // 20,000 > MaxPositionSizeUsd 10,000; gross 20,000 + 40,000 MSFT = 60,000 > 50,000
            Positions = new Dictionary<string, PositionSnapshot>
            {
                ["AAPL"] = new(200m, 20_000m),
                ["MSFT"] = new(100m, 40_000m),
            },
            Account = new AccountSnapshot(80_000m, 0m, 0m, false, 0), // no buying power; 20 % below peak
            DayPnl = new DayPnl(-5_000m, -15_000m),                      // beyond the 1,000 loss limit
            Peaks = new EquityPeaks(100_000m, 100_000m),
            Breaker = DrawdownBreakerState.Armed.Trip(Now.AddHours(-1), "test trip"),
            ProtectionLocks = [GlobalLock(Now.AddMinutes(-1), TimeSpan.FromHours(1))],
        };

    [Fact]
    public void A_reducing_order_passes_every_entry_limit()
    {
        var verdict = Check(Sell(100), EverythingBreached(), new RiskOptions { MaxOpenPositions = 1, MaxOrderNotionalUsd = 5_000m });

        Assert.True(verdict.Approved, verdict.ToString());
        Assert.True(verdict.ReducesPosition);
        Assert.Equal(10_000m, verdict.OrderNotionalUsd);
        Assert.Equal(0m, verdict.AddedExposureUsd);
    }

    [Fact]
    public void An_entry_in_the_same_state_lists_every_reason_together()
    {
        // Buy 100 AAPL at 100: notional 10,000 > 5,000; AAPL after = 300 × 100 = 30,000 > 10,000;
        // gross = 40,000 MSFT + 30,000 = 70,000 > 50,000; needs 10,000 of 0 buying power; loss 20,000 ≥ 1,000;
        // breaker tripped; global lock active. MaxOpenPositions does not apply: AAPL is held.
        var verdict = Check(Buy(100), EverythingBreached(), new RiskOptions { MaxOpenPositions = 1, MaxOrderNotionalUsd = 5_000m });

        Assert.Equal(
            [
                RiskReasonCode.MaxOrderNotional, RiskReasonCode.MaxPositionSize, RiskReasonCode.MaxPortfolioExposure,
                RiskReasonCode.InsufficientBuyingPower, RiskReasonCode.MaxDailyLoss, RiskReasonCode.DrawdownBreaker,
                RiskReasonCode.ProtectionLock,
            ],
            verdict.Codes);
    }

    [Fact]
    public void A_flip_is_an_entry_for_the_part_beyond_the_position()
    {
        // Sell 250 against long 200: 50 shares short open, so 5,000 of new exposure needs buying power.
        var verdict = Check(Sell(250), EverythingBreached());

        Assert.False(verdict.ReducesPosition);
        Assert.Equal(5_000m, verdict.AddedExposureUsd);
        Assert.Contains(RiskReasonCode.InsufficientBuyingPower, verdict.Codes);
        Assert.Contains(RiskReasonCode.ProtectionLock, verdict.Codes);
    }

    [Fact]
    public void Unrelated_problems_are_all_reported_with_the_state()
    {
        var context = Context() with { TradingState = TradingState.Reducing, MarketOpen = false, Now = Now.AddMinutes(5) };
        var verdict = Check(Buy(11), context, new RiskOptions { MaxOrderNotionalUsd = 1_000m });
        Assert.Equal(
            [RiskReasonCode.ReducingOnly, RiskReasonCode.MarketClosed, RiskReasonCode.StaleBar, RiskReasonCode.MaxOrderNotional],
            verdict.Codes);
    }

    [Theory]
    [InlineData(97_000.01, true)]  // (100,000 − 97,000.01) / 100,000 = 2.99999 % < 3 %
    [InlineData(97_000, false)]    // exactly 3 % from the day's peak trips
    public void Drawdown_from_the_days_peak(decimal equity, bool approved)
    {
        var context = Context() with
        {
            Account = new AccountSnapshot(equity, 50_000m, 100_000m, false, 0),
            Peaks = new EquityPeaks(100_000m, 100_000m),
        };
        var verdict = Check(Buy(), context);
        Assert.Equal(approved ? [] : [RiskReasonCode.DrawdownBreaker], verdict.Codes);
    }

    [Theory]
    [InlineData(99_000.01, true)]  // (110,000 − 99,000.01) / 110,000 = 9.99999 %; day: 0.99999 %
    [InlineData(99_000, false)]    // exactly 10 % from the all-time peak
    public void Drawdown_from_the_all_time_peak(decimal equity, bool approved)
    {
        var context = Context() with
        {
            Account = new AccountSnapshot(equity, 50_000m, 100_000m, false, 0),
            Peaks = new EquityPeaks(100_000m, 110_000m),
        };
        var verdict = Check(Buy(), context);
        Assert.Equal(approved ? [] : [RiskReasonCode.DrawdownBreaker], verdict.Codes);
    }

    [Fact]
    public void A_tripped_breaker_refuses_entries_with_equity_back_at_its_peak_until_rearmed()
    {
        var tripped = DrawdownBreakerState.Armed.Trip(Now.AddHours(-2), "equity 3 % below the day's peak");
        var atPeak = Context() with { Breaker = tripped };

        Assert.Equal([RiskReasonCode.DrawdownBreaker], Check(Buy(), atPeak).Codes);

        var rearmed = tripped.Rearm(Now.AddMinutes(-1), "trader");
        Assert.True(Check(Buy(), atPeak with { Breaker = rearmed }).Approved);
    }

    [Fact]
    public void A_global_lock_blocks_entries_while_active_but_not_exits()
    {
        var start = Now.AddMinutes(-10);
        var context = LongAapl(10m, 1_000m) with { ProtectionLocks = [GlobalLock(start, TimeSpan.FromMinutes(10).Add(TimeSpan.FromTicks(1)))] };

        Assert.Equal([RiskReasonCode.ProtectionLock], Check(Buy(), context).Codes);
        Assert.True(Check(Sell(5), context).Approved);

        var expiredAtNow = context with { ProtectionLocks = [GlobalLock(start, TimeSpan.FromMinutes(10))] };
        Assert.True(Check(Buy(), expiredAtNow).Approved); // expiry is exclusive

        var notYet = context with { ProtectionLocks = [GlobalLock(Now.AddTicks(1), TimeSpan.FromMinutes(10))] };
        Assert.True(Check(Buy(), notYet).Approved);
    }

    [Fact]
    public void A_symbol_lock_blocks_only_that_symbol()
    {
        var msftLock = ProtectionLock.Create(ProtectionKind.ExitCooldown, "MSFT", Now.AddMinutes(-1), TimeSpan.FromMinutes(5), "exit");
        var aaplLock = msftLock with { Symbol = "AAPL", Id = "ExitCooldown:AAPL:x" };

        Assert.True(Check(Buy(), Context() with { ProtectionLocks = [msftLock] }).Approved);
        Assert.Equal([RiskReasonCode.ProtectionLock], Check(Buy(), Context() with { ProtectionLocks = [aaplLock] }).Codes);
    }
}
