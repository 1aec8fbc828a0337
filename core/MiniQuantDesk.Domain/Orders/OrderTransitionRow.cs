using System.Collections.Immutable;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>A named set of statuses, one side of a row of <see cref="OrderTransitionTable"/>.</summary>
public sealed record OrderStatusSet(string Name, ImmutableArray<OrderStatus> Members);

/// <summary>A named set of event kinds, the other side of a row of <see cref="OrderTransitionTable"/>.</summary>
public sealed record OrderEventSet(string Name, ImmutableArray<OrderEventKind> Members);

/// <summary>Where a row sends the order.</summary>
public enum OrderTransitionTargetKind
{
    /// <summary>To the one status named in the row.</summary>
    Status,

    /// <summary>The status stays (a fill still counts; a stale or repeated report changes nothing).</summary>
    Unchanged,

    /// <summary>To the status the broker reported.</summary>
    AsReported,
}

public sealed record OrderTransitionTarget(OrderTransitionTargetKind Kind, OrderStatus Status = default)
{
    public static OrderTransitionTarget Unchanged { get; } = new(OrderTransitionTargetKind.Unchanged);

    public static OrderTransitionTarget AsReported { get; } = new(OrderTransitionTargetKind.AsReported);

    public static implicit operator OrderTransitionTarget(OrderStatus status) => new(OrderTransitionTargetKind.Status, status);
}

/// <summary>One row of the table: every status in <see cref="From"/> takes every event in <see cref="On"/>.</summary>
public sealed record OrderTransitionRow(OrderStatusSet From, OrderEventSet On, OrderTransitionTarget To, string Why);

/// <summary>One expanded edge: (status, event kind) → status.</summary>
public readonly record struct OrderTransitionEdge(OrderStatus From, OrderEventKind On, OrderStatus To);
