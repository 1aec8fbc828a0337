using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Webhooks;
using MiniQuantDesk.Functions.Discord.Replies;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>
/// Keeps Discord's 3-second promise. A slow command is acknowledged at once (type 5, or 6 for a button) and its
/// work runs in the background of this process, bounded by <see cref="WorkLimit"/>, ending in a PATCH of
/// <c>@original</c> through the interaction webhook. A quick command gets <see cref="InlineBudget"/> to answer
/// inline; if it runs over (a slow broker), the same deferral takes over. Work never throws out of here: a
/// failure becomes a red embed. A reply Discord would not take (5xx, no answer, a rate limit longer than the client
/// waits) is sent again until <see cref="ReplyPatience"/> runs out: the trader would otherwise stare at "thinking…".
/// A deferred reply is claimed in storage (<see cref="ReplyClaims"/>) until it is sent, so that if this process dies
/// first, another one answers it (<see cref="TakeOverAsync"/>) within the token's 15 minutes.
/// </summary>
public sealed class InteractionReplies(DiscordWebhookClient webhooks, DiscordOptions options, ReplyClaims claims, TimeProvider time, ILogger<InteractionReplies> logger)
{
    private readonly ConcurrentDictionary<Task, byte> running = new();

    /// <summary>Longest a command may take to answer inline; Discord's limit is 3 s including the network.</summary>
    public TimeSpan InlineBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest background work may run (the interaction token lasts 15 minutes).</summary>
    public TimeSpan WorkLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a deferred reply keeps being offered to Discord; the interaction token lasts 15 minutes.</summary>
    public TimeSpan ReplyPatience { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Pause before offering a reply again after Discord failed it: the client's doubling back-off, one step on.</summary>
    public TimeSpan ReplyRetryPause => options.RetryBaseDelay * Math.Pow(2, options.MaxRetries + 1);

    /// <summary>Deferred replies still being worked on (tests and shutdown wait for them).</summary>
    public int Pending => running.Count;

    public InteractionResponse Defer(Interaction interaction, string what, Func<CancellationToken, Task<DiscordMessage>> work, bool updatesMessage)
    {
        var task = RunBoundedAsync(what, work);
        Complete(interaction, what, task, updatesMessage);
        return Deferred(updatesMessage);
    }

    public async Task<InteractionResponse> AnswerAsync(Interaction interaction, string what, Func<CancellationToken, Task<DiscordMessage>> work, bool updatesMessage)
    {
        var task = RunBoundedAsync(what, work);
        if (await Task.WhenAny(task, Task.Delay(InlineBudget)) == task)
        {
            var message = await task;
            return updatesMessage ? InteractionResponse.Update(message) : InteractionResponse.Reply(message);
        }

        logger.LogInformation("{What} ran over {Budget} s: answered deferred, finishing in the background", what, InlineBudget.TotalSeconds);
        Complete(interaction, what, task, updatesMessage);
        return Deferred(updatesMessage);
    }

    /// <summary>
    /// Answers a reply another process deferred and did not live to send: claims it (false when another process
    /// moved the claim first), then works and offers it here like any deferred reply.
    /// </summary>
    public async Task<bool> TakeOverAsync(PendingReply orphan, Interaction interaction, Func<CancellationToken, Task<DiscordMessage>> work, CancellationToken ct)
    {
        var lease = await claims.TakeOverAsync(orphan, ct);
        if (lease is null)
        {
            return false;
        }

        logger.LogWarning("Answering {What} (interaction {Id}) for a process that died before replying", orphan.What, orphan.InteractionId);
        Track(SendAsync(interaction, RunBoundedAsync(orphan.What, work), orphan.UpdatesMessage, Task.FromResult(lease)));
        return true;
    }

    /// <summary>Waits until every deferred reply has been sent (or <paramref name="within"/> passes).</summary>
    public async Task DrainAsync(TimeSpan within)
    {
        var deadline = Task.Delay(within);
        while (!running.IsEmpty)
        {
            if (await Task.WhenAny(Task.WhenAll(running.Keys), deadline) == deadline)
            {
                return;
            }
        }
    }

    private static InteractionResponse Deferred(bool updatesMessage) =>
        updatesMessage ? new InteractionResponse(InteractionResponseType.DeferredUpdateMessage, null) : InteractionResponse.Defer();

    private async Task<DiscordMessage> RunBoundedAsync(string what, Func<CancellationToken, Task<DiscordMessage>> work)
    {
        // Not the request's token: the work outlives the HTTP answer on purpose.
        using var limit = new CancellationTokenSource(WorkLimit);
        try
        {
            return await Task.Run(() => work(limit.Token), limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            logger.LogWarning("{What} gave up after {Limit} s", what, WorkLimit.TotalSeconds);
            return EmbedStyle.Failure($"{what} timed out", $"No answer within {WorkLimit.TotalSeconds:0} s. Nothing was retried; check /status before trying again.");
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{What} failed", what);
            return EmbedStyle.Failure($"{what} failed", FirstLine(ex.Message));
        }
    }

    private void Complete(Interaction interaction, string what, Task<DiscordMessage> work, bool updatesMessage)
    {
        // Off the request's thread: the acknowledgement must not wait on the storage client.
        var claim = Task.Run(() => claims.OpenAsync(interaction, what, updatesMessage));
        Track(SendAsync(interaction, work, updatesMessage, claim));
    }

    private void Track(Task sending)
    {
        running.TryAdd(sending, 0);
        _ = sending.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task SendAsync(Interaction interaction, Task<DiscordMessage> work, bool updatesMessage, Task<ReplyLease> claim)
    {
        try
        {
            await OfferAsync(interaction, work, updatesMessage);
        }
        finally
        {
            // The claim is written beside the work and the offers, never in their way (storage may be slow when the
            // answer is ready); it is closed once the reply is delivered or given up.
            await using var lease = await claim;
        }
    }

    private async Task OfferAsync(Interaction interaction, Task<DiscordMessage> work, bool updatesMessage)
    {
        var message = await work;
        if (updatesMessage)
        {
            message = message with { Components = [] };
        }

        var started = time.GetTimestamp();
        for (var offers = 1; ; offers++)
        {
            var delivery = await webhooks.EditOriginalAsync(interaction.ApplicationId, interaction.Token, message, CancellationToken.None);
            var again = delivery switch
            {
                DiscordDelivery.Delivered => (TimeSpan?)null,
                DiscordDelivery.RateLimitedGaveUp limited => limited.RetryAfter,
                DiscordDelivery.Failed { Transient: true } => ReplyRetryPause,
                _ => null,
            };
            if (again is null || time.GetElapsedTime(started) + again.Value > ReplyPatience)
            {
                if (delivery is not DiscordDelivery.Delivered)
                {
                    logger.LogWarning("Could not complete the deferred reply to interaction {Id} after {Offers} offer(s): {Delivery}", interaction.Id, offers, delivery);
                }

                return;
            }

            logger.LogInformation("Discord did not take the deferred reply to interaction {Id} ({Delivery}); offering it again in {Pause} s", interaction.Id, delivery, again.Value.TotalSeconds);
            await Task.Delay(again.Value, time);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
