using System.Collections.Frozen;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// Alpaca's wire names for order statuses (spec §6). Venue rules, not venue I/O: the client, the fake
/// broker and the backtest all read status strings through this one map.
/// </summary>
public static class AlpacaOrderStatus
{
    private static readonly FrozenDictionary<string, OrderStatus> ByWireName = new Dictionary<string, OrderStatus>(StringComparer.Ordinal)
    {
        ["accepted"] = OrderStatus.Accepted,
        ["pending_new"] = OrderStatus.PendingNew,
        ["accepted_for_bidding"] = OrderStatus.AcceptedForBidding,
        ["pending_review"] = OrderStatus.PendingReview,
        ["held"] = OrderStatus.Held,
        ["new"] = OrderStatus.New,
        ["partially_filled"] = OrderStatus.PartiallyFilled,
        ["done_for_day"] = OrderStatus.DoneForDay,
        ["stopped"] = OrderStatus.Stopped,
        ["suspended"] = OrderStatus.Suspended,
        ["calculated"] = OrderStatus.Calculated,
        ["pending_cancel"] = OrderStatus.PendingCancel,
        ["pending_replace"] = OrderStatus.PendingReplace,
        ["filled"] = OrderStatus.Filled,
        ["canceled"] = OrderStatus.Canceled,
        ["expired"] = OrderStatus.Expired,
        ["replaced"] = OrderStatus.Replaced,
        ["rejected"] = OrderStatus.Rejected,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<OrderStatus, string> ByStatus =
        ByWireName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    /// <summary>Every status Alpaca reports, by wire name.</summary>
    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    /// <summary>
    /// Reads a wire status. Unknown (future) names return false: callers treat the order as still in
    /// flight and log the name, as the spec asks, rather than fail.
    /// </summary>
    public static bool TryParse(string? wireName, out OrderStatus status) =>
        ByWireName.TryGetValue(wireName ?? string.Empty, out status);

    /// <summary>The wire name of a broker status; null for the desk's own pre-broker statuses.</summary>
    public static string? WireName(OrderStatus status) => ByStatus.GetValueOrDefault(status);
}
