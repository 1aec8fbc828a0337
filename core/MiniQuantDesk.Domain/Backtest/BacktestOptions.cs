using System.Globalization;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// Everything a backtest run needs besides its bars. The defaults are the reference backtest's
/// (SPEC §1): 100 000 cash, no commission, 95 % allocation, flat at each session's close, and
/// <see cref="Unconstrained"/> risk limits so the risk manager approves the reference's all-in orders.
/// </summary>
public sealed record BacktestOptions
{
    public const string SectionName = "Backtest";

    public decimal InitialCash { get; init; } = 100_000m;

    public CommissionModel Commission { get; init; } = CommissionModel.Free;

    /// <summary>Strategy names from <see cref="StrategyCatalog"/>, at least one.</summary>
    public IReadOnlyList<string> Strategies { get; init; } = [SmaCrossover.CatalogName];

    /// <summary>Session dates (New York) to keep, inclusive; null = no bound.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public StrategyOptions StrategySettings { get; init; } = new();

    public IndicatorSetOptions Indicators { get; init; } = new();

    public PortfolioOptions Portfolio { get; init; } = new();

    public RiskOptions Risk { get; init; } = Unconstrained();

    /// <summary>
    /// Screen each intent with <see cref="Domain.Risk.RiskScreen"/> and run the full
    /// <see cref="Domain.Risk.RiskManager.Evaluate"/> only for one it does not approve (default: same verdicts,
    /// far cheaper). False runs the full evaluation, with a full context, on every intent.
    /// </summary>
    public bool ScreenRisk { get; init; } = true;

    /// <summary>
    /// Risk options whose limits never bind (each at its largest valid value, protections off). The
    /// checks still run on every intent; a run that wants the desk's real limits passes them instead.
    /// </summary>
    public static RiskOptions Unconstrained() => new()
    {
        MaxPositionSizeUsd = RiskOptions.SaneUsdLimit,
        MaxPortfolioExposureUsd = RiskOptions.SaneUsdLimit,
        MaxOpenPositions = 10_000,
        MaxOrderNotionalUsd = RiskOptions.SaneUsdLimit,
        MaxDailyLossUsd = RiskOptions.SaneUsdLimit,
        MaxDailyDrawdownPct = 100m,
        MaxDrawdownPct = 100m,
        MaxOrdersPerMinute = 10_000,
        MaxPriceDeviationPct = 100m,
        PdtEquityThresholdUsd = 0m,
        Protections = new ProtectionOptions { LossStreakEnabled = false, ExitCooldownEnabled = false, DrawdownLockEnabled = false },
    };

    /// <summary>Every bad setting, each named; empty when the run can start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (InitialCash <= 0m || InitialCash > RiskOptions.SaneUsdLimit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(InitialCash)} must be > 0 and <= {RiskOptions.SaneUsdLimit}, was {InitialCash}"));
        }

        if (From is { } from && To is { } to && from > to)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(From)} must be on or before {nameof(To)}, was {from:yyyy-MM-dd} vs {to:yyyy-MM-dd}"));
        }

        if (Strategies is null || Strategies.Count == 0)
        {
            errors.Add($"{SectionName}:{nameof(Strategies)} must name at least one strategy ({string.Join(", ", StrategyCatalog.Names)})");
        }
        else
        {
            errors.AddRange(Strategies.Select(StrategyCatalog.Check).OfType<string>().Select(e => $"{SectionName}:{nameof(Strategies)}: {e}"));
            if (Strategies.Distinct(StringComparer.Ordinal).Count() != Strategies.Count)
            {
                errors.Add($"{SectionName}:{nameof(Strategies)} must not name a strategy twice, was {string.Join(",", Strategies)}");
            }
        }

        errors.AddRange(Commission?.Validate() ?? [$"{SectionName}:Commission must be set"]);
        errors.AddRange(StrategySettings?.Validate() ?? [$"{StrategyOptions.SectionName} must be set"]);
        errors.AddRange(Indicators?.Validate() ?? [$"{IndicatorSetOptions.Section} must be set"]);
        errors.AddRange(Portfolio?.Validate() ?? [$"{PortfolioOptions.SectionName} must be set"]);
        errors.AddRange(Risk?.Validate() ?? [$"{RiskOptions.SectionName} must be set"]);
        return errors;
    }
}
