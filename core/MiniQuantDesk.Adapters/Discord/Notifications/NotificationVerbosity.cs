namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>How loudly a kind of notification is posted.</summary>
public enum NotificationVerbosity
{
    /// <summary>Posted with a push notification.</summary>
    On,

    /// <summary>Posted with SUPPRESS_NOTIFICATIONS (4096): in the channel, no ping on the phone.</summary>
    Silent,

    /// <summary>Not posted (still logged by the caller).</summary>
    Off,
}
