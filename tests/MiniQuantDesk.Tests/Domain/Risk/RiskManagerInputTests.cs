using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;
using static MiniQuantDesk.Tests.Domain.Risk.RiskScenario;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>Fail closed: a missing or impossible input refuses the order with its own code, never a throw.</summary>
public sealed class RiskManagerInputTests
{
    public static TheoryData<string, RiskReasonCode> MissingInputs() => new()
    {
        { nameof(RiskContext.Now), RiskReasonCode.MissingClock },
        { nameof(RiskContext.TradingState), RiskReasonCode.MissingTradingState },
        { nameof(RiskContext.MarketOpen), RiskReasonCode.MissingMarketStatus },
        { nameof(RiskContext.LastBar), RiskReasonCode.MissingLastBar },
        { nameof(RiskContext.Account), RiskReasonCode.MissingAccount },
        { nameof(RiskContext.Positions), RiskReasonCode.MissingPositions },
        { nameof(RiskContext.Reserved), RiskReasonCode.MissingReservedExposure },
        { nameof(RiskContext.DayPnl), RiskReasonCode.MissingDayPnl },
        { nameof(RiskContext.Peaks), RiskReasonCode.MissingEquityPeaks },
        { nameof(RiskContext.Breaker), RiskReasonCode.MissingBreakerState },
        { nameof(RiskContext.RecentOrderInstants), RiskReasonCode.MissingRecentOrders },
        { nameof(RiskContext.ProtectionLocks), RiskReasonCode.MissingProtectionLocks },
    };

    private static RiskContext Without(string input)
    {
        var c = Context();
        return input switch
        {
            nameof(RiskContext.Now) => c with { Now = null },
            nameof(RiskContext.TradingState) => c with { TradingState = null },
            nameof(RiskContext.MarketOpen) => c with { MarketOpen = null },
            nameof(RiskContext.LastBar) => c with { LastBar = null },
            nameof(RiskContext.Account) => c with { Account = null },
            nameof(RiskContext.Positions) => c with { Positions = null },
            nameof(RiskContext.Reserved) => c with { Reserved = null },
            nameof(RiskContext.DayPnl) => c with { DayPnl = null },
            nameof(RiskContext.Peaks) => c with { Peaks = null },
            nameof(RiskContext.Breaker) => c with { Breaker = null },
            nameof(RiskContext.RecentOrderInstants) => c with { RecentOrderInstants = null },
            nameof(RiskContext.ProtectionLocks) => c with { ProtectionLocks = null },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown input"),
        };
    }

    [Theory]
    [MemberData(nameof(MissingInputs))]
    public void Each_missing_input_refuses_with_its_own_code(string input, RiskReasonCode code)
    {
        Assert.Equal([code], Check(Buy(), Without(input)).Codes);
    }

    [Theory]
    [MemberData(nameof(MissingInputs))]
    public void A_missing_input_refuses_an_exit_too(string input, RiskReasonCode code)
    {
        var context = Without(input);
        if (input != nameof(RiskContext.Positions))
        {
            context = context with { Positions = Positions(("AAPL", 10m, 1_000m)) };
        }

        Assert.Contains(code, Check(Sell(5), context).Codes);
    }

    [Fact]
    public void Without_positions_an_order_is_treated_as_an_entry()
    {
        var verdict = Check(Sell(5), Without(nameof(RiskContext.Positions)) with { TradingState = TradingState.Reducing });
        Assert.Equal([RiskReasonCode.MissingPositions, RiskReasonCode.ReducingOnly], verdict.Codes.Order().ToList());
    }

    [Fact]
    public void A_null_context_lists_every_missing_input()
    {
        var verdict = RiskManager.Evaluate(Buy(), null, new RiskOptions());
        var expected = MissingInputs().Select(row => (RiskReasonCode)row[1]).Order();
        Assert.Equal(expected, verdict.Codes.Order());
    }

    [Fact]
    public void A_null_intent_and_null_options_are_reasons_not_exceptions()
    {
        var verdict = RiskManager.Evaluate(null, Context(), null);
        Assert.Equal([RiskReasonCode.InvalidOptions, RiskReasonCode.InvalidOrder], verdict.Codes);
    }

    [Fact]
    public void Invalid_options_refuse_and_name_the_setting()
    {
        var verdict = Check(Buy(), Context(), new RiskOptions { MaxPositionSizeUsd = -5m });
        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(RiskReasonCode.InvalidOptions, reason.Code);
        Assert.Equal("Risk:MaxPositionSizeUsd must be > 0, was -5", reason.Message);
    }

    public static TheoryData<OrderIntent> MalformedIntents() => new()
    {
        Buy(0m),
        Buy(-10m),
        Buy(1.5m),
        Buy(2_000_000_000m),
        Buy(10m, " "),
        Buy(10m, referencePrice: 0m),
        Buy(10m, referencePrice: -3m),
        Buy(10m, referencePrice: decimal.MaxValue),
        Buy() with { IntentId = "" },
        Buy() with { Side = (OrderSide)7 },
        Buy() with { Type = (OrderType)9 },
        Buy() with { Type = OrderType.Limit, LimitPrice = null },
        Buy() with { LimitPrice = 100m },
        Limit(OrderSide.Buy, 10m, -1m),
    };

    [Theory]
    [MemberData(nameof(MalformedIntents))]
    public void Malformed_intents_refuse_with_InvalidOrder(OrderIntent intent)
    {
        var verdict = Check(intent, Context() with { LastBar = AaplBar() with { Symbol = intent.Symbol } });
        Assert.False(verdict.Approved);
        Assert.Contains(RiskReasonCode.InvalidOrder, verdict.Codes);
    }

    [Fact]
    public void Fractional_quantities_pass_when_the_options_allow_them()
    {
        Assert.True(Check(Buy(1.5m), Context(), new RiskOptions { AllowFractionalShares = true }).Approved);
    }

    public static TheoryData<string> ImpossibleContexts() =>
    [
        "negative equity", "negative buying power", "absurd cash", "negative day trades", "bar for another symbol",
        "bar from the future", "zero close", "absurd position", "null position", "negative reserved", "null reserved map",
        "absurd pnl", "zero peak", "null lock", "undefined state",
    ];

    private static RiskContext Impossible(string what)
    {
        var c = Context();
        var account = c.Account!;
        return what switch
        {
            "negative equity" => c with { Account = account with { Equity = -1m } },
            "negative buying power" => c with { Account = account with { BuyingPower = -0.01m } },
            "absurd cash" => c with { Account = account with { Cash = decimal.MinValue } },
            "negative day trades" => c with { Account = account with { DayTradeCount = -1 } },
            "bar for another symbol" => c with { LastBar = AaplBar() with { Symbol = "MSFT" } },
            "bar from the future" => c with { LastBar = AaplBar(start: Now.AddTicks(1)) },
            "zero close" => c with { LastBar = AaplBar(close: 0m) },
            "absurd position" => c with { Positions = Positions(("MSFT", decimal.MaxValue, decimal.MaxValue)) },
            "null position" => c with { Positions = new Dictionary<string, PositionSnapshot> { ["MSFT"] = null! } },
            "negative reserved" => c with { Reserved = Reserved(-1m) },
            "null reserved map" => c with { Reserved = new ReservedExposure(0m, null!) },
            "absurd pnl" => c with { DayPnl = new DayPnl(decimal.MaxValue, decimal.MaxValue) },
            "zero peak" => c with { Peaks = new EquityPeaks(0m, 100_000m) },
            "null lock" => c with { ProtectionLocks = [null!] },
            "undefined state" => c with { TradingState = (TradingState)42 },
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, "unknown case"),
        };
    }

    [Theory]
    [MemberData(nameof(ImpossibleContexts))]
    public void Impossible_values_refuse_with_a_reason_and_no_exception(string what)
    {
        var verdict = Check(Buy(), Impossible(what));
        Assert.False(verdict.Approved);
        Assert.DoesNotContain(RiskReasonCode.InternalError, verdict.Codes);
        Assert.True(verdict.Codes.Contains(RiskReasonCode.InvalidInput) || verdict.Codes.Contains(RiskReasonCode.MissingReservedExposure), verdict.ToString());
    }

    [Fact]
    public void A_bar_for_another_symbol_is_named_in_the_reason()
    {
        var verdict = Check(Buy(), Context() with { LastBar = new Bar("MSFT", Now.AddMinutes(-1), 1, 1, 1, 1, 1) });
        Assert.Equal("the last bar is for 'MSFT', not for 'AAPL'", Assert.Single(verdict.Reasons).Message);
    }

    [Fact]
    public void An_undefined_trading_state_is_treated_as_halted()
    {
        var verdict = Check(Buy(), Context() with { TradingState = (TradingState)42 });
        Assert.Equal([RiskReasonCode.InvalidInput, RiskReasonCode.TradingHalted], verdict.Codes);
    }
}
