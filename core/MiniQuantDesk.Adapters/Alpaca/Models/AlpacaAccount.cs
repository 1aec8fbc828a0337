namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>Alpaca's Account object (OpenAPI schema <c>Account</c>, spec §3). PDT fields may be absent.</summary>
public sealed record AlpacaAccount
{
    public string Id { get; init; } = "";
    public string? AccountNumber { get; init; }

    /// <summary>"ACTIVE" normally; ONBOARDING, SUBMITTED, ACCOUNT_UPDATED, APPROVAL_PENDING, REJECTED, ... otherwise.</summary>
    public string Status { get; init; } = "";
    public string? Currency { get; init; }
    public decimal Cash { get; init; }
    public decimal? PortfolioValue { get; init; }
    public decimal Equity { get; init; }
    public decimal LastEquity { get; init; }
    public decimal BuyingPower { get; init; }
    public decimal? RegtBuyingPower { get; init; }
    public decimal? DaytradingBuyingPower { get; init; }
    public decimal? NonMarginableBuyingPower { get; init; }
    public decimal LongMarketValue { get; init; }
    public decimal ShortMarketValue { get; init; }
    public decimal? InitialMargin { get; init; }
    public decimal? MaintenanceMargin { get; init; }
    public decimal? LastMaintenanceMargin { get; init; }
    public decimal? Sma { get; init; }
    public decimal? Multiplier { get; init; }
    public int? DaytradeCount { get; init; }
    public bool? PatternDayTrader { get; init; }
    public bool TradingBlocked { get; init; }
    public bool TransfersBlocked { get; init; }
    public bool AccountBlocked { get; init; }
    public bool TradeSuspendedByUser { get; init; }
    public bool ShortingEnabled { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Alpaca's own conditions for placing orders (spec §3): ACTIVE and nothing blocked or suspended.</summary>
    public bool TradingAllowed =>
        string.Equals(Status, "ACTIVE", StringComparison.Ordinal) && !TradingBlocked && !AccountBlocked && !TradeSuspendedByUser;
}
