using Azure;
using Azure.Storage.Queues.Models;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.ReplyRescue;

namespace MiniQuantDesk.Functions.Discord.Replies;

/// <summary>
/// Delayed "was this reply delivered?" messages to ReplyRescue: the durable timer that outlives the process which
/// deferred the reply. Output bindings cannot delay a message, so these go through the SDK with an initial
/// visibility timeout. The sender deletes its check once the reply is delivered; a check that finds nothing to do
/// is harmless, so a lost delete or a duplicate costs one look.
/// </summary>
public sealed class ReplyCheckQueue(StorageAccount storage)
{
    public Task<SendReceipt> ScheduleAsync(string interactionId, DateTimeOffset tokenExpires, TimeSpan delay, CancellationToken ct) =>
        storage.SendAsync(DeskQueues.DiscordReplies, new ReplyCheckMessage(interactionId, tokenExpires).ToJson().ToJsonString(),
            delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay, ct);

    public async Task CancelAsync(SendReceipt check, CancellationToken ct)
    {
        try
        {
            await storage.Queue(DeskQueues.DiscordReplies).DeleteMessageAsync(check.MessageId, check.PopReceipt, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // already taken by ReplyRescue (its pop receipt replaced ours) or gone: it will find the reply closed
        }
    }
}
