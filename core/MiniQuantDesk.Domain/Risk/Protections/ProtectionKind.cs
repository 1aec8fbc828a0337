namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>Which protection created a lock.</summary>
public enum ProtectionKind
{
    /// <summary>N losing trades within a lookback window.</summary>
    LossStreak,

    /// <summary>A symbol was just exited.</summary>
    ExitCooldown,

    /// <summary>Closed-trade P&amp;L fell from its peak within a window by more than a limit.</summary>
    Drawdown,
}
