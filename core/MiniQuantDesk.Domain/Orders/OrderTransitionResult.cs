namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// What <see cref="OrderStateMachine.Apply"/> did with an event. <see cref="Record"/> is always the record
/// to keep: the new one when applied, the unchanged input otherwise.
/// </summary>
public abstract record OrderTransitionResult(OrderRecord Record);

/// <summary>The event changed the record; persist it and append <see cref="Transition"/> to the log.</summary>
public sealed record TransitionApplied(OrderRecord Record, OrderTransition Transition) : OrderTransitionResult(Record);

/// <summary>
/// A legal event with nothing to do: a fill already applied, a stale status report arriving out of
/// order, a status the order already has. Not an error; nothing to persist.
/// </summary>
public sealed record TransitionIgnored(OrderRecord Record, string Reason) : OrderTransitionResult(Record);

/// <summary>
/// An event the order cannot take in its state, or bad event data. The record is unchanged; the caller
/// reports <see cref="Reason"/> (it means the desk and the broker disagree, or a bug).
/// </summary>
public sealed record TransitionRefused(OrderRecord Record, string Reason) : OrderTransitionResult(Record);
