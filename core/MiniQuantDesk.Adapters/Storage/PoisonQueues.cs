using Azure;
using Azure.Storage.Queues.Models;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The host moves a message that failed all its deliveries to <c>&lt;queue&gt;-poison</c>, where nothing runs it again.
/// Each such message is work the desk did not do (an order intent not decided, a fill not tracked), so it must reach
/// a person: this reads what the poison queues of the desk's queues hold, and takes out only the messages it is told to
/// (Reconcile's triage, for copies whose work was done by another copy).
/// </summary>
public sealed class PoisonQueues(StorageAccount storage)
{
    /// <summary>Messages read per poison queue; the count is always the queue's whole (approximate) depth.</summary>
    public const int PeekLimit = 32;

    public static string NameOf(string queue) => queue + "-poison";

    /// <summary>The depth of every desk queue's poison queue (absent = 0) and the oldest messages of the non-empty ones.</summary>
    public async Task<IReadOnlyList<PoisonedQueue>> ReadAsync(CancellationToken ct)
    {
        var found = new List<PoisonedQueue>();
        foreach (var queue in DeskQueues.All)
        {
            var client = storage.Queue(NameOf(queue));
            int depth;
            try
            {
                depth = (await client.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                continue; // never created: nothing was ever poisoned there
            }

            if (depth == 0)
            {
                continue;
            }

            PeekedMessage[] peeked = (await client.PeekMessagesAsync(PeekLimit, ct)).Value;
            found.Add(new PoisonedQueue(queue, client.Name, depth, [.. peeked.Select(m => new PoisonedMessage(m.MessageId, m.InsertedOn, m.MessageText))]));
        }

        return found;
    }

    /// <summary>
    /// Takes the messages <paramref name="messageIds"/> out of <paramref name="queue"/>'s poison queue; every other
    /// message received on the way is made visible again at once. Returns how many were removed.
    /// </summary>
    public async Task<int> RemoveAsync(string queue, IReadOnlySet<string> messageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return 0;
        }

        var client = storage.Queue(NameOf(queue));
        QueueMessage[] received = (await client.ReceiveMessagesAsync(PeekLimit, TimeSpan.FromSeconds(30), ct)).Value;
        var removed = 0;
        foreach (var message in received)
        {
            if (messageIds.Contains(message.MessageId))
            {
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                removed++;
            }
            else
            {
                await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct);
            }
        }

        return removed;
    }
}

/// <summary>One non-empty poison queue: the desk queue it belongs to, its depth and its oldest messages.</summary>
public sealed record PoisonedQueue(string Queue, string PoisonQueue, int Depth, IReadOnlyList<PoisonedMessage> Oldest);

public sealed record PoisonedMessage(string MessageId, DateTimeOffset? InsertedOn, string Text);
