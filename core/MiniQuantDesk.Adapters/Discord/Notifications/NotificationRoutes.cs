namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>
/// Which channel each kind of notification goes to, and how loudly by default, in one table.
/// Defaults: the chatty kinds (orders placed, signals, command audit) are silent; everything else rings.
/// </summary>
public static class NotificationRoutes
{
    public static NotificationChannel ChannelOf(NotificationKind kind) => kind switch
    {
        NotificationKind.SystemStarted => NotificationChannel.System,
        NotificationKind.SystemStopped => NotificationChannel.System,
        NotificationKind.CommandAudit => NotificationChannel.System,
        NotificationKind.OrderPlaced => NotificationChannel.Trading,
        NotificationKind.OrderFilled => NotificationChannel.Trading,
        NotificationKind.Signal => NotificationChannel.Trading,
        NotificationKind.RiskRejection => NotificationChannel.Risk,
        NotificationKind.BreakerTrip => NotificationChannel.Risk,
        NotificationKind.Drift => NotificationChannel.Risk,
        NotificationKind.DailySummary => NotificationChannel.Daily,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no channel for this notification kind"),
    };

    public static NotificationVerbosity DefaultVerbosity(NotificationKind kind) => kind switch
    {
        NotificationKind.OrderPlaced or NotificationKind.Signal or NotificationKind.CommandAudit => NotificationVerbosity.Silent,
        _ => NotificationVerbosity.On,
    };
}
