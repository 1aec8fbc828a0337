namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>A round trip that has been closed: what the protections learn from.</summary>
public sealed record ClosedTrade(string Symbol, DateTimeOffset ExitAt, decimal PnlUsd)
{
    public bool IsLoss => PnlUsd < 0;
}
