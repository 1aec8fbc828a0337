using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.NotifyDiscord;

/// <summary>
/// Which notifications Discord already has, by notification id (table <c>discordsent</c>). A delivery first
/// claims the id with insert-if-absent; the claim turns into "delivered" after Discord's 200, or is released
/// (ETag-checked delete) when the post failed. So a message delivered twice, even at the same moment, is
/// posted once; a claim left by a crashed instance expires after <see cref="ClaimLifetime"/>.
/// </summary>
public sealed class NotificationLedger(StorageAccount storage)
{
    public const string TableName = "discordsent";
    private const string Partition = "sent";

    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    public enum ClaimState
    {
        Claimed,
        AlreadyDelivered,
        HeldByAnother,
    }

    public sealed record Claim(string Id, ClaimState State, ETag ETag);

    private TableClient Table => storage.Table(TableName);

    public async Task<Claim> TryClaimAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        var key = RowKey(id);
        var entity = new TableEntity(Partition, key) { ["State"] = "claimed", ["ClaimedAt"] = now, ["NotificationId"] = id };
        try
        {
            var added = await AddAsync(entity, ct);
            return new Claim(id, ClaimState.Claimed, added);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: ct);
            if (!existing.HasValue || existing.Value is null)
            {
                return await TryClaimAsync(id, now, ct);
            }

            var row = existing.Value;
            if (row.GetString("State") == "delivered")
            {
                return new Claim(id, ClaimState.AlreadyDelivered, row.ETag);
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } at && now - at < ClaimLifetime)
            {
                return new Claim(id, ClaimState.HeldByAnother, row.ETag);
            }

            try
            {
                var taken = await Table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, ct);
                return new Claim(id, ClaimState.Claimed, taken.Headers.ETag ?? default);
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return new Claim(id, ClaimState.HeldByAnother, row.ETag);
            }
        }
    }

    public async Task MarkDeliveredAsync(Claim claim, string? messageId, DateTimeOffset at, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, RowKey(claim.Id)) { ["State"] = "delivered", ["DeliveredAt"] = at, ["MessageId"] = messageId, ["NotificationId"] = claim.Id };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task ReleaseAsync(Claim claim, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, RowKey(claim.Id), claim.ETag, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone or taken over: nothing of ours to release.
        }
    }

    public async Task<bool> IsDeliveredAsync(string id, CancellationToken ct)
    {
        try
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(id), cancellationToken: ct);
            return row.HasValue && row.Value?.GetString("State") == "delivered";
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private async Task<ETag> AddAsync(TableEntity entity, CancellationToken ct)
    {
        try
        {
            return (await Table.AddEntityAsync(entity, ct)).Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await Table.CreateIfNotExistsAsync(ct);
            return (await Table.AddEntityAsync(entity, ct)).Headers.ETag ?? default;
        }
    }

    // Table keys may not hold '/', '\', '#', '?' or control characters; ids are ours but keep them safe.
    private static string RowKey(string id)
    {
        var chars = id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray();
        var key = new string(chars);
        return key.Length <= 512 ? key : key[..400] + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
    }
}
