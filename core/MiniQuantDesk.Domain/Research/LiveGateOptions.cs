using System.Globalization;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// The criteria a paper record must meet before the desk starts with live money (section <c>LiveGate</c>,
/// environment <c>LiveGate__MinSessions</c>, ...). The drawdown limit is the risk setting
/// <c>Risk:MaxDrawdownPct</c>. <see cref="Override"/> starts live anyway — loudly, logged and notified.
/// </summary>
public sealed class LiveGateOptions
{
    public const string SectionName = "LiveGate";

    /// <summary>Paper sessions with exactly the configuration going live.</summary>
    public int MinSessions { get; set; } = 30;

    /// <summary>Largest share of fills, in percent, that the desk and the backtest on the same bars may disagree on (missed + extra).</summary>
    public decimal MaxParityMismatchPct { get; set; } = 10m;

    /// <summary>Largest mean adverse slippage against the backtest's fill prices, in basis points.</summary>
    public decimal MaxMeanSlippageBps { get; set; } = 10m;

    /// <summary>The paper account's capital: the base of the record's drawdown and the parity backtest's cash.</summary>
    public decimal PaperEquityUsd { get; set; } = 100_000m;

    /// <summary>How far back the record is read, in days.</summary>
    public int LookbackDays { get; set; } = 365;

    /// <summary>How long after a backtest fill's bar start a desk fill still answers it, in seconds.</summary>
    public int MatchWindowSeconds { get; set; } = 180;

    /// <summary>Start live although the record fails: logged to the transaction log and notified at every start.</summary>
    public bool Override { get; set; }

    public TrackRecordOptions RecordOptions => new(PaperEquityUsd, TimeSpan.FromSeconds(MatchWindowSeconds));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, MinSessions >= 1 && MinSessions <= 10_000, nameof(MinSessions), "must be between 1 and 10000", MinSessions);
        Check(errors, MaxParityMismatchPct >= 0m && MaxParityMismatchPct <= 100m, nameof(MaxParityMismatchPct), "must be between 0 and 100", MaxParityMismatchPct);
        Check(errors, MaxMeanSlippageBps >= 0m && MaxMeanSlippageBps <= 10_000m, nameof(MaxMeanSlippageBps), "must be between 0 and 10000", MaxMeanSlippageBps);
        Check(errors, PaperEquityUsd > 0m && PaperEquityUsd <= Risk.RiskOptions.SaneUsdLimit, nameof(PaperEquityUsd), "must be > 0", PaperEquityUsd);
        Check(errors, LookbackDays >= 1 && LookbackDays <= 3660, nameof(LookbackDays), "must be between 1 and 3660", LookbackDays);
        Check(errors, MatchWindowSeconds >= 1 && MatchWindowSeconds <= 86_400, nameof(MatchWindowSeconds), "must be between 1 and 86400", MatchWindowSeconds);
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string name, string rule, object value)
    {
        if (!ok)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule}, was {value}"));
        }
    }
}
