using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.NotifyDiscord;

/// <summary>
/// One notification from the <c>notifications</c> queue to its channel's webhook, once. The event picks the kind,
/// the kind the channel and verbosity; off or unconfigured → the log. Delivery is claimed in the ledger first,
/// so a re-delivered message is not posted twice. A rate limit or an outage fails this invocation only (the
/// queue retries it with a visibility delay, five times, then poison): trading's queues never wait on Discord.
/// A request Discord refuses (4xx, a deleted webhook) is logged and dropped, since repeating it cannot help.
/// </summary>
public sealed class NotifyDiscordFunction(DiscordNotifier notifier, NotificationRouter router, NotificationLedger ledger, NotificationRetryQueue retries, Configuration.DeskSettings settings) : IQueueFunction
{
    public string Name => "NotifyDiscord";

    public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
    {
        var notification = NotificationMessage.Parse(message);
        if (NotificationEvents.KindOf(notification.Event) is not { } kind)
        {
            context.Log($"log only (event '{notification.Event}' has no notification kind): {notification.Title} {notification.Text}");
            return;
        }

        var route = router.Route(kind);
        if (route.Disposition != NotificationDisposition.Send)
        {
            var why = settings.DiscordProblems.Count == 0 ? route.ToString() : "Discord settings refused: " + string.Join("; ", settings.DiscordProblems);
            context.Log($"{(route.Disposition == NotificationDisposition.Off ? "off" : "log only")} ({why}): {notification.Title} {notification.Text}");
            return;
        }

        var claim = await ledger.TryClaimAsync(notification.Id, TimeProvider.System.GetUtcNow(), cancellationToken);
        switch (claim.State)
        {
            case NotificationLedger.ClaimState.AlreadyDelivered:
                context.Log($"notification {notification.Id} was already delivered");
                return;
            case NotificationLedger.ClaimState.HeldByAnother:
                // Another instance is posting it, or died while posting it: look again once its claim may have lapsed.
                // Failing instead would spend the message's dequeue count and poison it while a dead claim waits out.
                var held = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(message.Text)!;
                await retries.ScheduleAsync(held, NotificationLedger.ClaimLifetime / 4, cancellationToken);
                context.Log($"notification {notification.Id} is claimed by another delivery; looked at again in {(NotificationLedger.ClaimLifetime / 4).TotalSeconds:0} s");
                return;
        }

        NotificationOutcome outcome;
        try
        {
            outcome = await notifier.NotifyAsync(kind, notification.ToDiscord(NotificationEvents.ColorOf(kind)), cancellationToken: cancellationToken);
        }
        catch
        {
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        switch (outcome.Delivery)
        {
            case DiscordDelivery.Delivered delivered:
                await ledger.MarkDeliveredAsync(claim, delivered.MessageId, TimeProvider.System.GetUtcNow(), cancellationToken);
                context.Log($"notification {notification.Id} → {route.Channel} (message {delivered.MessageId}, {delivered.Attempts} attempt(s))");
                return;
            case DiscordDelivery.Failed { Transient: false } refused:
                await ledger.ReleaseAsync(claim, cancellationToken);
                context.Logger.LogError("Discord refused notification {Id} on {Channel}: {Status} {Reason}{Gone}; dropped (log only)",
                    notification.Id, route.Channel, refused.Status, refused.Reason, refused.WebhookGone ? " — the webhook was deleted, set a new one" : "");
                context.Log($"log only (Discord refused it): {notification.Title} {notification.Text}");
                return;
            default:
                await ledger.ReleaseAsync(claim, cancellationToken);
                var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(message.Text)!;
                var attempt = NotificationRetryQueue.AttemptOf(json);
                if (attempt >= NotificationRetryQueue.MaxAttempts)
                {
                    throw new DiscordUnavailableException($"notification {notification.Id} not delivered to {route.Channel} after {attempt} attempts: {outcome.Delivery}");
                }

                var delay = outcome.Delivery is DiscordDelivery.RateLimitedGaveUp limited ? limited.RetryAfter : NotificationRetryQueue.Backoff(attempt);
                await retries.ScheduleAsync(json, delay, cancellationToken);
                context.Log($"notification {notification.Id} deferred {delay.TotalSeconds:0.#} s (attempt {attempt + 1}): {outcome.Delivery}");
                return;
        }
    }
}

/// <summary>Discord did not take a notification this time (rate limit, outage); the queue delivers it again later.</summary>
public sealed class DiscordUnavailableException(string message) : Exception(message);
