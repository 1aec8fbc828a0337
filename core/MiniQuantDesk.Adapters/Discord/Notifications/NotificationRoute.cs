using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>Where and how one kind of notification goes. <see cref="Webhook"/> is a secret: <see cref="ToString"/> hides its token.</summary>
public sealed record NotificationRoute(
    NotificationKind Kind,
    NotificationChannel Channel,
    NotificationDisposition Disposition,
    Uri? Webhook,
    MessageFlags Flags)
{
    public override string ToString() =>
        $"{Kind} → {Channel}: {Disposition}{(Flags == MessageFlags.None ? "" : $" ({Flags})")}{(Webhook is null ? "" : " via " + DiscordRedaction.Url(Webhook))}";
}
