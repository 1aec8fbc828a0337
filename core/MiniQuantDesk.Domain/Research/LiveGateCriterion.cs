namespace MiniQuantDesk.Domain.Research;

/// <summary>The criteria of the live gate, each named after its setting.</summary>
public enum LiveGateCriterion
{
    /// <summary>Enough paper sessions with the exact configuration (LiveGate:MinSessions).</summary>
    MinSessions = 0,

    /// <summary>No drift without a later resolution.</summary>
    UnresolvedDrift = 1,

    /// <summary>Missed + extra fills against the backtest within LiveGate:MaxParityMismatchPct.</summary>
    ParityMismatch = 2,

    /// <summary>Mean slippage against the backtest within LiveGate:MaxMeanSlippageBps.</summary>
    ParitySlippage = 3,

    /// <summary>The record's drawdown under Risk:MaxDrawdownPct.</summary>
    Drawdown = 4,
}
