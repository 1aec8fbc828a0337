namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// Where an order stands. The first four are the desk's own (the broker has not confirmed the order, or
/// never will); the rest mirror Alpaca's order statuses one for one (see <see cref="AlpacaOrderStatus"/>
/// for the wire names). Which are terminal, and how they move, is decided in <see cref="OrderTransitionTable"/>.
/// </summary>
public enum OrderStatus
{
    /// <summary>The order record is written; nothing has been sent yet.</summary>
    Intended,

    /// <summary>The submit request is on its way; its outcome is not known yet.</summary>
    Submitting,

    /// <summary>The submit timed out or failed ambiguously: the broker may or may not hold the order.
    /// Only a lookup by client_order_id resolves it; resubmitting from here could place it twice.</summary>
    Unresolved,

    /// <summary>Given up before it ever reached the broker (canceled while <see cref="Intended"/>).</summary>
    Abandoned,

    Accepted,
    PendingNew,
    AcceptedForBidding,
    PendingReview,
    Held,
    New,
    PartiallyFilled,
    DoneForDay,
    Stopped,
    Suspended,
    Calculated,
    PendingCancel,
    PendingReplace,
    Filled,
    Canceled,
    Expired,
    Replaced,
    Rejected,
}
