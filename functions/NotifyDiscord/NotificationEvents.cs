using MiniQuantDesk.Adapters.Discord.Notifications;

namespace MiniQuantDesk.Functions.NotifyDiscord;

/// <summary>
/// The queue's event names (what PlaceOrder, TrackOrder, Reconcile, the commands and the desk write) mapped onto
/// the adapter's <see cref="NotificationKind"/>, whose table (<see cref="NotificationRoutes"/>) picks the channel
/// and the default verbosity. One table; an event not in it goes to the log only.
/// </summary>
public static class NotificationEvents
{
    private static readonly Dictionary<string, NotificationKind> Kinds = new(StringComparer.Ordinal)
    {
        ["system-started"] = NotificationKind.SystemStarted,
        ["system-stopped"] = NotificationKind.SystemStopped,
        ["order-placed"] = NotificationKind.OrderPlaced,
        ["order-filled"] = NotificationKind.OrderFilled,
        // A fill-less end (cancelled, expired, rejected) and an adopted stray are news about orders, like a fill.
        ["order-closed"] = NotificationKind.OrderFilled,
        ["order-adopted"] = NotificationKind.OrderFilled,
        ["signal"] = NotificationKind.Signal,
        ["risk-rejection"] = NotificationKind.RiskRejection,
        ["breaker-trip"] = NotificationKind.BreakerTrip,
        ["drift"] = NotificationKind.Drift,
        // Work the host gave up on needs a person like drift does: same channel, same colour.
        ["message-poisoned"] = NotificationKind.Drift,
        ["daily-summary"] = NotificationKind.DailySummary,
        ["command"] = NotificationKind.CommandAudit,
    };

    public static IReadOnlyDictionary<string, NotificationKind> All => Kinds;

    public static NotificationKind? KindOf(string eventName) => Kinds.TryGetValue(eventName, out var kind) ? kind : null;

    /// <summary>Embed colour per kind: green for fills, red for risk, blue otherwise.</summary>
    public static int ColorOf(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderFilled => 0x2ECC71,
        NotificationKind.RiskRejection or NotificationKind.BreakerTrip or NotificationKind.Drift => 0xE74C3C,
        NotificationKind.SystemStopped => 0xF1C40F,
        NotificationKind.CommandAudit or NotificationKind.Signal or NotificationKind.OrderPlaced => 0x95A5A6,
        _ => 0x3498DB,
    };
}
