namespace MiniQuantDesk.Domain.Research;

/// <summary>What "best" means in a sweep: the highest Sharpe ratio (a point without one ranks last) or the highest total return.</summary>
public enum SweepObjective
{
    Sharpe = 0,
    Return = 1,
}
