namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>What the desk tells the trader about. The names are the configuration keys of <c>Discord:Verbosity</c>.</summary>
public enum NotificationKind
{
    SystemStarted,
    SystemStopped,
    OrderPlaced,
    OrderFilled,
    Signal,
    RiskRejection,
    BreakerTrip,
    Drift,
    DailySummary,
    CommandAudit,
}
