namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// How much the desk may trade. Ordered from loosest to strictest so "tighter" is a comparison.
/// The kill switch is <see cref="Halted"/>; a "stop entries" pause is <see cref="Reducing"/>.
/// </summary>
public enum TradingState
{
    /// <summary>Every order that passes the risk checks may go out.</summary>
    Active = 0,

    /// <summary>Only orders that shrink an existing position pass: the desk can get out, not in.</summary>
    Reducing = 1,

    /// <summary>Nothing passes, not even exits (the kill switch).</summary>
    Halted = 2,
}
