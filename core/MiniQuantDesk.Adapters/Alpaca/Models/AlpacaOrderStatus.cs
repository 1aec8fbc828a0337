namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// Alpaca's order statuses (spec §6). The raw string always travels beside this value
/// (<see cref="AlpacaOrder.Status"/>), and a status Alpaca adds later parses to <see cref="Unknown"/>, never a crash.
/// </summary>
public enum AlpacaOrderStatus
{
    Unknown,
    New,
    PartiallyFilled,
    Filled,
    DoneForDay,
    Canceled,
    Expired,
    Replaced,
    PendingCancel,
    PendingReplace,
    PendingReview,
    Accepted,
    PendingNew,
    AcceptedForBidding,
    Stopped,
    Rejected,
    Suspended,
    Calculated,
    Held,
}

public static class AlpacaOrderStatuses
{
    public static AlpacaOrderStatus Parse(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "new" => AlpacaOrderStatus.New,
        "partially_filled" => AlpacaOrderStatus.PartiallyFilled,
        "filled" => AlpacaOrderStatus.Filled,
        "done_for_day" => AlpacaOrderStatus.DoneForDay,
        "canceled" or "cancelled" => AlpacaOrderStatus.Canceled,
        "expired" => AlpacaOrderStatus.Expired,
        "replaced" => AlpacaOrderStatus.Replaced,
        "pending_cancel" => AlpacaOrderStatus.PendingCancel,
        "pending_replace" => AlpacaOrderStatus.PendingReplace,
        "pending_review" => AlpacaOrderStatus.PendingReview,
        "accepted" => AlpacaOrderStatus.Accepted,
        "pending_new" => AlpacaOrderStatus.PendingNew,
        "accepted_for_bidding" => AlpacaOrderStatus.AcceptedForBidding,
        "stopped" => AlpacaOrderStatus.Stopped,
        "rejected" => AlpacaOrderStatus.Rejected,
        "suspended" => AlpacaOrderStatus.Suspended,
        "calculated" => AlpacaOrderStatus.Calculated,
        "held" => AlpacaOrderStatus.Held,
        _ => AlpacaOrderStatus.Unknown,
    };

    /// <summary>
    /// Final for this order id: filled, canceled, expired, replaced, rejected. Everything else, unknown statuses
    /// included, is still in flight and must be polled again.
    /// </summary>
    public static bool IsTerminal(this AlpacaOrderStatus status) => status is AlpacaOrderStatus.Filled
        or AlpacaOrderStatus.Canceled
        or AlpacaOrderStatus.Expired
        or AlpacaOrderStatus.Replaced
        or AlpacaOrderStatus.Rejected;
}
