using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// Settings of the protections, bound from "Risk:Protections" (environment: Risk__Protections__LossStreakTrades).
/// Durations are in minutes so they read plainly in environment variables.
/// </summary>
public sealed class ProtectionOptions
{
    public const string SectionName = "Risk:Protections";

    public bool LossStreakEnabled { get; set; } = true;

    /// <summary>Losing trades within the lookback that trigger the lock.</summary>
    public int LossStreakTrades { get; set; } = 3;

    public int LossStreakLookbackMinutes { get; set; } = 60;

    public int LossStreakCooldownMinutes { get; set; } = 60;

    /// <summary>False: the losses of all symbols count together and the lock is global. True: per symbol.</summary>
    public bool LossStreakPerSymbol { get; set; }

    public bool ExitCooldownEnabled { get; set; } = true;

    /// <summary>How long a symbol cannot be re-entered after an exit.</summary>
    public int ExitCooldownMinutes { get; set; } = 5;

    public bool DrawdownLockEnabled { get; set; } = true;

    public int DrawdownLookbackMinutes { get; set; } = 240;

    /// <summary>Fall of cumulative closed-trade P&amp;L from its peak within the lookback that locks entries, in USD.</summary>
    public decimal DrawdownLimitUsd { get; set; } = 500m;

    public int DrawdownCooldownMinutes { get; set; } = 120;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Between(errors, nameof(LossStreakTrades), LossStreakTrades, 1, 1_000);
        Minutes(errors, nameof(LossStreakLookbackMinutes), LossStreakLookbackMinutes);
        Minutes(errors, nameof(LossStreakCooldownMinutes), LossStreakCooldownMinutes);
        Minutes(errors, nameof(ExitCooldownMinutes), ExitCooldownMinutes);
        Minutes(errors, nameof(DrawdownLookbackMinutes), DrawdownLookbackMinutes);
        Minutes(errors, nameof(DrawdownCooldownMinutes), DrawdownCooldownMinutes);
        if (DrawdownLimitUsd <= 0 || DrawdownLimitUsd > RiskOptions.SaneUsdLimit)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(DrawdownLimitUsd)} must be > 0 and <= {RiskOptions.SaneUsdLimit}, was {DrawdownLimitUsd}"));
        }

        return errors;
    }

    private static void Minutes(List<string> errors, string name, int value) => Between(errors, name, value, 1, 525_600);

    private static void Between(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{name} must be between {min} and {max}, was {value}"));
        }
    }
}
