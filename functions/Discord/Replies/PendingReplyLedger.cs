using System.Text;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Discord.Replies;

/// <summary>
/// Deferred replies not yet delivered (table <c>discordreplies</c>, one row per interaction). The row is the claim
/// of the process answering it: written when the reply is deferred, moved on with the row's ETag (so two processes
/// never both believe they hold it), deleted once the reply is delivered or given up. A row outliving its claim is a
/// reply a crash left unsent. It holds the interaction's token, which lasts 15 minutes; rows are gone by then.
/// </summary>
public sealed class PendingReplyLedger(StorageAccount storage)
{
    public const string TableName = "discordreplies";
    private const string Partition = "pending";

    /// <summary>A table string holds 32 K UTF-16 characters; a larger body is not kept, so that reply cannot be rescued.</summary>
    public const int MaxBody = 30_000;

    private TableClient Table => storage.Table(TableName);

    /// <summary>Whether an interaction id can be a row key: Discord's are snowflakes, and a key must not hold / \ # ? or controls.</summary>
    public static bool IsKey(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>The first claim, by the process that deferred; null when the body cannot be kept or the row exists already.</summary>
    public async Task<PendingReply?> OpenAsync(Interaction interaction, string what, bool updatesMessage, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetString(interaction.Body.Span);
        if (!IsKey(interaction.Id) || body.Length is 0 or > MaxBody)
        {
            return null;
        }

        var reply = new PendingReply(interaction.Id, body, what, updatesMessage, now, now + lease, owner, 0, default);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var added = await Table.AddEntityAsync(ToEntity(reply), ct);
                return reply with { ETag = added.Headers.ETag ?? default };
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // The client's own retry after an answer lost on the way (the write had landed) finds the row it
                // wrote: still this owner's first claim, so it is this claim, not someone else's.
                var existing = await FindAsync(interaction.Id, ct);
                return existing is { TakeOvers: 0 } && existing.Owner == owner && existing.DeferredAt == now ? existing : null;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && attempt == 0)
            {
                await Table.CreateIfNotExistsAsync(ct);
            }
        }
    }

    public async Task<PendingReply?> FindAsync(string interactionId, CancellationToken ct)
    {
        if (!IsKey(interactionId))
        {
            return null;
        }

        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, interactionId, cancellationToken: ct);
            return row.HasValue && row.Value is { } entity ? FromEntity(entity) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // no table yet: nothing was ever deferred
        }
    }

    /// <summary>
    /// Moves the claim to <paramref name="owner"/> until <paramref name="leaseUntil"/>, only if the row is still as
    /// <paramref name="seen"/> was read; null when another process changed it first or it is gone (delivered).
    /// </summary>
    public async Task<PendingReply?> TryClaimAsync(PendingReply seen, string owner, DateTimeOffset leaseUntil, int takeOvers, CancellationToken ct)
    {
        var next = seen with { Owner = owner, LeaseUntil = leaseUntil, TakeOvers = takeOvers };
        try
        {
            var updated = await Table.UpdateEntityAsync(ToEntity(next), seen.ETag, TableUpdateMode.Replace, ct);
            return next with { ETag = updated.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>The reply is delivered or given up: nobody should send it again.</summary>
    public async Task CloseAsync(string interactionId, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, interactionId, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already closed, or the table is gone
        }
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> rows deferred before <paramref name="deferredBefore"/> (their token is
    /// dead, so nobody can answer them any more); the count deleted. A claim whose write landed while its process
    /// heard only a timeout has no check and no closer: without this the table would keep it for ever.
    /// </summary>
    public async Task<int> DeleteDeferredBeforeAsync(DateTimeOffset deferredBefore, int max, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and DeferredAt lt {deferredBefore}");
        var deleted = 0;
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey"], cancellationToken: ct))
            {
                try
                {
                    await Table.DeleteEntityAsync(Partition, row.RowKey, row.ETag, ct);
                    deleted++;
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // closed or moved meanwhile
                }

                if (deleted >= max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // no table yet: nothing was ever deferred
        }

        return deleted;
    }

    private static TableEntity ToEntity(PendingReply reply) => new(Partition, reply.InteractionId)
    {
        ["Body"] = reply.Body,
        ["What"] = reply.What,
        ["UpdatesMessage"] = reply.UpdatesMessage,
        ["DeferredAt"] = reply.DeferredAt,
        ["LeaseUntil"] = reply.LeaseUntil,
        ["Owner"] = reply.Owner,
        ["TakeOvers"] = reply.TakeOvers,
    };

    private static PendingReply FromEntity(TableEntity row) => new(
        row.RowKey,
        row.GetString("Body") ?? "",
        row.GetString("What") ?? "the command",
        row.GetBoolean("UpdatesMessage") ?? false,
        row.GetDateTimeOffset("DeferredAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue,
        row.GetString("Owner") ?? "",
        row.GetInt32("TakeOvers") ?? 0,
        row.ETag);
}
