using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Webhooks;

namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>Routes a notification and posts it to its channel's webhook, adding the silent flag when asked.</summary>
public sealed class DiscordNotifier(NotificationRouter router, DiscordWebhookClient webhooks)
{
    public async Task<NotificationOutcome> NotifyAsync(NotificationKind kind, DiscordMessage message, DiscordFile? file = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var route = router.Route(kind);
        if (route.Disposition != NotificationDisposition.Send)
        {
            return new NotificationOutcome(route, null);
        }

        // Ephemeral means nothing on a channel webhook and Discord refuses it there.
        var flags = (message.Flags & ~MessageFlags.Ephemeral) | route.Flags;
        var delivery = await webhooks.ExecuteAsync(route.Webhook!, message with { Flags = flags }, file, cancellationToken).ConfigureAwait(false);
        return new NotificationOutcome(route, delivery);
    }
}
