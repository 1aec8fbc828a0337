using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>
/// A healthy desk at 15:00:30 UTC with default options: buy 10 AAPL at $100 (notional $1,000) passes.
/// Each test changes one thing and works out the numbers by hand.
/// </summary>
internal static class RiskScenario
{
    public static readonly DateTimeOffset Now = new(2024, 3, 4, 15, 0, 30, TimeSpan.Zero);

    /// <summary>The last AAPL bar: 14:59:00–15:00:00, close 100.</summary>
    public static Bar AaplBar(decimal close = 100m, DateTimeOffset? start = null) =>
        new("AAPL", start ?? new DateTimeOffset(2024, 3, 4, 14, 59, 0, TimeSpan.Zero), close, close, close, close, 1_000);

    public static OrderIntent Buy(decimal quantity = 10m, string symbol = "AAPL", decimal referencePrice = 100m) =>
        Order(OrderSide.Buy, quantity, symbol, referencePrice);

    public static OrderIntent Sell(decimal quantity = 10m, string symbol = "AAPL", decimal referencePrice = 100m) =>
        Order(OrderSide.Sell, quantity, symbol, referencePrice);

    public static OrderIntent Limit(OrderSide side, decimal quantity, decimal limit, decimal referencePrice = 100m) =>
        Order(side, quantity, "AAPL", referencePrice) with { Type = OrderType.Limit, LimitPrice = limit };

    public static OrderIntent Order(OrderSide side, decimal quantity, string symbol = "AAPL", decimal referencePrice = 100m) =>
        new($"vwap|{symbol}|2024-03-04T14:59Z|{side}", symbol, side, quantity, OrderType.Market, null,
            new DateTimeOffset(2024, 3, 4, 14, 59, 0, TimeSpan.Zero), "vwap", referencePrice);

    public static RiskContext Context() => new()
    {
        Now = Now,
        TradingState = TradingState.Active,
        MarketOpen = true,
        LastBar = AaplBar(),
        Account = new AccountSnapshot(Equity: 100_000m, Cash: 50_000m, BuyingPower: 100_000m, PatternDayTrader: false, DayTradeCount: 0),
        Positions = Positions(("MSFT", 10m, 4_000m)),
        Reserved = ReservedExposure.None,
        DayPnl = new DayPnl(0m, 0m),
        Peaks = new EquityPeaks(100_000m, 100_000m),
        Breaker = DrawdownBreakerState.Armed,
        RecentOrderInstants = [],
        ProtectionLocks = [],
    };

    public static IReadOnlyDictionary<string, PositionSnapshot> Positions(params (string Symbol, decimal Quantity, decimal MarketValue)[] rows) =>
        rows.ToDictionary(r => r.Symbol, r => new PositionSnapshot(r.Quantity, r.MarketValue));

    public static ReservedExposure Reserved(decimal total, params (string Symbol, decimal Usd)[] bySymbol) =>
        new(total, bySymbol.ToDictionary(r => r.Symbol, r => r.Usd));

    public static RiskVerdict Check(OrderIntent intent, RiskContext context, RiskOptions? options = null) =>
        RiskManager.Evaluate(intent, context, options ?? new RiskOptions());

    public static ProtectionLock GlobalLock(DateTimeOffset start, TimeSpan duration) =>
        ProtectionLock.Create(ProtectionKind.LossStreak, null, start, duration, "test streak");
}
