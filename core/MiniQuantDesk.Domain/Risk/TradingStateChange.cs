namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The outcome of asking for a trading-state change. When <see cref="Accepted"/> is false,
/// <see cref="To"/> equals <see cref="From"/> and <see cref="Message"/> says why.
/// </summary>
public sealed record TradingStateChange(TradingState From, TradingState To, bool Accepted, string Message)
{
    /// <summary>True when the state actually changes (an accepted no-op is not a change).</summary>
    public bool Changed => Accepted && From != To;
}
