namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>What the router decided for one notification.</summary>
public enum NotificationDisposition
{
    /// <summary>Post it to the channel's webhook (maybe silently: see <see cref="NotificationRoute.Flags"/>).</summary>
    Send,

    /// <summary>Verbosity is off for this kind.</summary>
    Off,

    /// <summary>The channel has no webhook configured: the caller logs it and that is all.</summary>
    LogOnly,
}
