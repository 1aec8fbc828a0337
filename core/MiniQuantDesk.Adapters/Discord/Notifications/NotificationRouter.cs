using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>
/// Decides, from <see cref="NotificationRoutes"/> and the settings, where a notification goes: its channel's
/// webhook with or without SUPPRESS_NOTIFICATIONS, nowhere (verbosity off), or the log only (no webhook set).
/// A pure function of the options; no I/O.
/// </summary>
public sealed class NotificationRouter(DiscordOptions options)
{
    public NotificationRoute Route(NotificationKind kind)
    {
        var channel = NotificationRoutes.ChannelOf(kind);
        var verbosity = options.VerbosityOf(kind);
        if (verbosity == NotificationVerbosity.Off)
        {
            return new NotificationRoute(kind, channel, NotificationDisposition.Off, null, MessageFlags.None);
        }

        if (!options.Webhooks.TryGetValue(channel, out var webhook))
        {
            return new NotificationRoute(kind, channel, NotificationDisposition.LogOnly, null, MessageFlags.None);
        }

        var flags = verbosity == NotificationVerbosity.Silent ? MessageFlags.SuppressNotifications : MessageFlags.None;
        return new NotificationRoute(kind, channel, NotificationDisposition.Send, webhook, flags);
    }

    /// <summary>Every kind's route, for a start-up log line or a /health answer.</summary>
    public IReadOnlyList<NotificationRoute> All() => Enum.GetValues<NotificationKind>().Select(Route).ToList();
}
