using System.Globalization;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// Every risk limit, bound from the configuration section "Risk" (environment: Risk__MaxPositionSizeUsd).
/// The defaults suit a small cash account; <see cref="Validate"/> names any bad setting.
/// USD limits are inclusive: an order that lands exactly on a limit passes.
/// </summary>
public sealed class RiskOptions
{
    public const string SectionName = "Risk";

    /// <summary>Upper bound for any USD limit: far beyond a retail desk, small enough that sums cannot overflow.</summary>
    public const decimal SaneUsdLimit = 1_000_000_000_000m;

    /// <summary>Largest position in one symbol after the order, in USD (absolute, long or short).</summary>
    public decimal MaxPositionSizeUsd { get; set; } = 10_000m;

    /// <summary>Largest gross exposure (sum of |market value| plus in-flight orders) after the order, in USD.</summary>
    public decimal MaxPortfolioExposureUsd { get; set; } = 50_000m;

    /// <summary>Most symbols held (or with orders in flight) at once.</summary>
    public int MaxOpenPositions { get; set; } = 10;

    /// <summary>Largest notional of a single order, in USD.</summary>
    public decimal MaxOrderNotionalUsd { get; set; } = 10_000m;

    /// <summary>Day's loss (realised + unrealised) at which entries stop, in USD (a positive number).</summary>
    public decimal MaxDailyLossUsd { get; set; } = 1_000m;

    /// <summary>Drawdown from the day's equity peak that trips the breaker, in percent.</summary>
    public decimal MaxDailyDrawdownPct { get; set; } = 3m;

    /// <summary>Drawdown from the all-time equity peak that trips the breaker, in percent.</summary>
    public decimal MaxDrawdownPct { get; set; } = 10m;

    /// <summary>Most orders sent in any 60-second window.</summary>
    public int MaxOrdersPerMinute { get; set; } = 10;

    /// <summary>Fat-finger band: how far a limit or reference price may sit from the last close, in percent.</summary>
    public decimal MaxPriceDeviationPct { get; set; } = 5m;

    /// <summary>How long after the last bar's end its close still counts as a price, in seconds.</summary>
    public int MaxBarAgeSeconds { get; set; } = 90;

    /// <summary>Length of a bar (the desk trades minute bars), in seconds.</summary>
    public int BarLengthSeconds { get; set; } = 60;

    /// <summary>Equity under which the pattern-day-trader rule applies (FINRA: $25,000).</summary>
    public decimal PdtEquityThresholdUsd { get; set; } = 25_000m;

    /// <summary>Day trades in the rolling five-day window at which another day trade is refused under the threshold.</summary>
    public int MaxDayTrades { get; set; } = 3;

    /// <summary>Whether non-whole share quantities are accepted (only if the broker account allows fractional shares).</summary>
    public bool AllowFractionalShares { get; set; }

    /// <summary>Widest bid-ask spread, in % of the midpoint, at which a market order is still sent.</summary>
    public decimal MaxSpreadPct { get; set; } = 1m;

    /// <summary>Refuse market orders when no quote is available (off by default: the free IEX feed often lacks one).</summary>
    public bool RequireQuoteForMarketOrders { get; set; }

    public ProtectionOptions Protections { get; set; } = new();

    /// <summary>Every problem, each naming its setting; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        PositiveUsd(errors, nameof(MaxPositionSizeUsd), MaxPositionSizeUsd);
        PositiveUsd(errors, nameof(MaxPortfolioExposureUsd), MaxPortfolioExposureUsd);
        PositiveUsd(errors, nameof(MaxOrderNotionalUsd), MaxOrderNotionalUsd);
        PositiveUsd(errors, nameof(MaxDailyLossUsd), MaxDailyLossUsd);
        Percent(errors, nameof(MaxDailyDrawdownPct), MaxDailyDrawdownPct);
        Percent(errors, nameof(MaxDrawdownPct), MaxDrawdownPct);
        Percent(errors, nameof(MaxPriceDeviationPct), MaxPriceDeviationPct);
        Percent(errors, nameof(MaxSpreadPct), MaxSpreadPct);
        Between(errors, nameof(MaxOpenPositions), MaxOpenPositions, 1, 10_000);
        Between(errors, nameof(MaxOrdersPerMinute), MaxOrdersPerMinute, 1, 10_000);
        Between(errors, nameof(MaxBarAgeSeconds), MaxBarAgeSeconds, 0, 86_400);
        Between(errors, nameof(BarLengthSeconds), BarLengthSeconds, 1, 86_400);
        Between(errors, nameof(MaxDayTrades), MaxDayTrades, 0, 1_000);
        if (PdtEquityThresholdUsd < 0 || PdtEquityThresholdUsd > SaneUsdLimit)
        {
            errors.Add(Setting(nameof(PdtEquityThresholdUsd), $"must be between 0 and {SaneUsdLimit}", PdtEquityThresholdUsd));
        }

        if (Protections is null)
        {
            errors.Add($"{SectionName}:{nameof(Protections)} must be set, was null");
        }
        else
        {
            errors.AddRange(Protections.Validate());
        }

        return errors;
    }

    /// <summary>For start-up: throws with every problem listed, so a bad setting stops the host.</summary>
    public RiskOptions ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid risk settings: " + string.Join("; ", errors));
        }

        return this;
    }

    private static void PositiveUsd(List<string> errors, string name, decimal value)
    {
        if (value <= 0)
        {
            errors.Add(Setting(name, "must be > 0", value));
        }
        else if (value > SaneUsdLimit)
        {
            errors.Add(Setting(name, $"must be <= {SaneUsdLimit}", value));
        }
    }

    private static void Percent(List<string> errors, string name, decimal value)
    {
        if (value <= 0 || value > 100)
        {
            errors.Add(Setting(name, "must be > 0 and <= 100", value));
        }
    }

    private static void Between(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(Setting(name, $"must be between {min} and {max}", value));
        }
    }

    private static string Setting(string name, string rule, decimal value) =>
        string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule}, was {value}");
}
