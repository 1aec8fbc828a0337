namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>Message flags the desk sends (spec §1 "Responding", §4).</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,

    /// <summary>Only the invoker sees the reply (interaction responses and follow-ups only).</summary>
    Ephemeral = 1 << 6,

    /// <summary>Posted without a push/desktop notification: the "silent" verbosity.</summary>
    SuppressNotifications = 1 << 12,
}
