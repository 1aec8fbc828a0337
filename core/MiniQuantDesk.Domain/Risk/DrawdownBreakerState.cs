namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The drawdown circuit breaker: Armed or Tripped. Once tripped it stays tripped, whatever equity does,
/// until a person re-arms it. Transitions return a new state and never throw.
/// </summary>
public sealed record DrawdownBreakerState
{
    public static DrawdownBreakerState Armed { get; } = new();

    public bool IsTripped { get; init; }

    public DateTimeOffset? TrippedAt { get; init; }

    public string? TripReason { get; init; }

    public DateTimeOffset? RearmedAt { get; init; }

    public string? RearmedBy { get; init; }

    /// <summary>Trips the breaker. Tripping a tripped breaker keeps the first trip (instant and reason).</summary>
    public DrawdownBreakerState Trip(DateTimeOffset at, string reason) =>
        IsTripped ? this : this with { IsTripped = true, TrippedAt = at, TripReason = reason };

    /// <summary>
    /// A person re-arms the breaker. Re-arming an armed breaker changes nothing. The caller should also
    /// rebase the equity peaks (<see cref="EquityPeaks.RebasedTo"/>), or the next check trips it again.
    /// </summary>
    public DrawdownBreakerState Rearm(DateTimeOffset at, string person) =>
        !IsTripped ? this : new DrawdownBreakerState { RearmedAt = at, RearmedBy = person };
}
