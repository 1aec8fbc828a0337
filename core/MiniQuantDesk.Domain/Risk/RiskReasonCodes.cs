using System.Collections.Immutable;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>One sentence per reason code; docs/risk.md carries the same table (a test compares them).</summary>
public static class RiskReasonCodes
{
    public static IReadOnlyList<RiskReasonCode> All { get; } = Enum.GetValues<RiskReasonCode>().ToImmutableArray();

    public static string Meaning(RiskReasonCode code) => code switch
    {
        RiskReasonCode.InvalidOptions => "The risk options are missing or fail validation; every order is refused until they are fixed.",
        RiskReasonCode.InvalidOrder => "The order intent is missing or malformed (empty symbol, quantity not positive or not whole, price missing, not positive or absurd).",
        RiskReasonCode.InvalidInput => "A context input is present but impossible (negative equity or buying power, a bar for another symbol or from the future, absurd sizes).",
        RiskReasonCode.MissingClock => "The instant now is missing.",
        RiskReasonCode.MissingTradingState => "The trading state (ACTIVE, REDUCING, HALTED) is missing.",
        RiskReasonCode.MissingMarketStatus => "Whether the market is open is unknown.",
        RiskReasonCode.MissingLastBar => "There is no last bar for the symbol, so price and staleness cannot be checked.",
        RiskReasonCode.MissingAccount => "The broker account (equity, cash, buying power) is missing.",
        RiskReasonCode.MissingPositions => "The current positions are missing.",
        RiskReasonCode.MissingReservedExposure => "The exposure reserved by in-flight orders is missing.",
        RiskReasonCode.MissingDayPnl => "The day's realised and unrealised P&L is missing.",
        RiskReasonCode.MissingEquityPeaks => "The day and all-time equity peaks are missing.",
        RiskReasonCode.MissingBreakerState => "The drawdown circuit breaker's state is missing.",
        RiskReasonCode.MissingRecentOrders => "The instants of recent orders (for the rate limit) are missing.",
        RiskReasonCode.MissingProtectionLocks => "The active protection locks are missing.",
        RiskReasonCode.MissingDayTradeCount => "The order would be a day trade under the PDT equity threshold and the broker gave no daytrade_count.",
        RiskReasonCode.TradingHalted => "The kill switch is on (HALTED): nothing passes, not even exits.",
        RiskReasonCode.ReducingOnly => "Entries are paused (REDUCING): only orders that shrink an existing position pass.",
        RiskReasonCode.MarketClosed => "The regular session is closed.",
        RiskReasonCode.StaleBar => "The last bar for the symbol ended longer ago than Risk:MaxBarAgeSeconds.",
        RiskReasonCode.SpreadTooWide => "A market order while the latest quote's spread is wider than Risk:MaxSpreadPct of its midpoint.",
        RiskReasonCode.MissingQuote => "A market order with no usable latest quote while Risk:RequireQuoteForMarketOrders is set.",
        RiskReasonCode.PriceOutOfBand => "The limit or reference price is further from the last close than Risk:MaxPriceDeviationPct (fat finger).",
        RiskReasonCode.MaxOrderNotional => "The order's notional is above Risk:MaxOrderNotionalUsd.",
        RiskReasonCode.MaxPositionSize => "The position after the order (plus in-flight orders for the symbol) would be above Risk:MaxPositionSizeUsd.",
        RiskReasonCode.MaxPortfolioExposure => "Gross exposure after the order (plus in-flight orders) would be above Risk:MaxPortfolioExposureUsd.",
        RiskReasonCode.MaxOpenPositions => "Opening a new symbol would exceed Risk:MaxOpenPositions.",
        RiskReasonCode.InsufficientBuyingPower => "The new exposure costs more than buying power minus the exposure reserved by in-flight orders.",
        RiskReasonCode.MaxDailyLoss => "Realised plus unrealised P&L of the day has reached the loss limit Risk:MaxDailyLossUsd.",
        RiskReasonCode.DrawdownBreaker => "The drawdown circuit breaker is tripped, or equity is down from the day's or all-time peak by Risk:MaxDailyDrawdownPct or Risk:MaxDrawdownPct; it stays tripped until a person re-arms it.",
        RiskReasonCode.MaxOrderRate => "Risk:MaxOrdersPerMinute orders were already sent in the last 60 seconds.",
        RiskReasonCode.PatternDayTrader => "Equity is under Risk:PdtEquityThresholdUsd and the order would be a day trade while the account is flagged PDT or has Risk:MaxDayTrades day trades already.",
        RiskReasonCode.ProtectionLock => "An active protection lock (global or for the symbol) blocks new entries.",
        RiskReasonCode.InternalError => "The risk manager failed unexpectedly; the order is refused (fail closed).",
        _ => "Unknown reason code.",
    };
}
