namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// Why the risk manager refused an order. The names are stable: they are logged, stored with the
/// order record and shown in Discord, so rename nothing; add new codes with new numbers.
/// The meaning of each code is in <see cref="RiskReasonCodes.Meaning"/> and in docs/risk.md.
/// </summary>
public enum RiskReasonCode
{
    InvalidOptions = 1,
    InvalidOrder = 2,
    InvalidInput = 3,

    MissingClock = 10,
    MissingTradingState = 11,
    MissingMarketStatus = 12,
    MissingLastBar = 13,
    MissingAccount = 14,
    MissingPositions = 15,
    MissingReservedExposure = 16,
    MissingDayPnl = 17,
    MissingEquityPeaks = 18,
    MissingBreakerState = 19,
    MissingRecentOrders = 20,
    MissingProtectionLocks = 21,
    MissingDayTradeCount = 22,

    TradingHalted = 30,
    ReducingOnly = 31,
    MarketClosed = 32,
    StaleBar = 33,
    PriceOutOfBand = 34,
    MaxOrderNotional = 35,
    MaxPositionSize = 36,
    MaxPortfolioExposure = 37,
    MaxOpenPositions = 38,
    InsufficientBuyingPower = 39,
    MaxDailyLoss = 40,
    DrawdownBreaker = 41,
    MaxOrderRate = 42,
    PatternDayTrader = 43,
    ProtectionLock = 44,
    SpreadTooWide = 45,
    MissingQuote = 46,

    InternalError = 99,
}
