using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Functions.Discord.State;

/// <summary>
/// The protections' <see cref="LockBook"/> as JSON in row <c>desk/locks</c> of the state table, changed under its
/// ETag. Whoever derives locks adds them here; /locks reads it; /unlock lifts one (the book remembers the lift,
/// so the same lock re-derived from the same history stays lifted).
/// </summary>
public sealed class ProtectionLockStore(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string Row = "locks";
    private const int MaxAttempts = 5;

    private TableClient Table => storage.Table(DeskTables.State);

    public async Task<LockBook> ReadAsync(CancellationToken ct) => (await ReadWithETagAsync(ct)).Book;

    /// <summary>Applies <paramref name="change"/> to the stored book under its ETag (re-read on a conflict).</summary>
    public async Task<T> ChangeAsync<T>(Func<LockBook, (LockBook Book, T Result)> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (book, etag) = await ReadWithETagAsync(ct);
            var (next, result) = change(book);
            if (ReferenceEquals(next, book))
            {
                return result;
            }

            var entity = new TableEntity(Partition, Row) { ["Book"] = Serialize(next) };
            try
            {
                if (etag == default)
                {
                    await Table.AddEntityAsync(entity, ct);
                }
                else
                {
                    await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct);
                }

                return result;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Changed by someone else in between: apply to the fresh book.
            }
        }

        throw new ConcurrencyConflictException("protection locks");
    }

    private async Task<(LockBook Book, ETag ETag)> ReadWithETagAsync(CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        return !row.HasValue || row.Value is null ? (LockBook.Empty, default) : (Deserialize(row.Value.GetString("Book")), row.Value.ETag);
    }

    private static string Serialize(LockBook book)
    {
        var entries = new JsonArray();
        foreach (var e in book.Entries)
        {
            entries.Add(new JsonObject
            {
                ["id"] = e.Lock.Id,
                ["kind"] = e.Lock.Kind.ToString(),
                ["symbol"] = e.Lock.Symbol,
                ["start"] = e.Lock.Start,
                ["expiry"] = e.Lock.Expiry,
                ["reason"] = e.Lock.Reason,
                ["liftedAt"] = e.LiftedAt,
                ["liftedBy"] = e.LiftedBy,
            });
        }

        return entries.ToJsonString();
    }

    private static LockBook Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonArray entries)
        {
            return LockBook.Empty;
        }

        return LockBook.From(entries.OfType<JsonObject>().Select(e => new LockBookEntry(
            new ProtectionLock(
                e["id"]!.GetValue<string>(),
                Enum.Parse<ProtectionKind>(e["kind"]!.GetValue<string>()),
                e["symbol"]?.GetValue<string>(),
                e["start"]!.GetValue<DateTimeOffset>(),
                e["expiry"]!.GetValue<DateTimeOffset>(),
                e["reason"]?.GetValue<string>() ?? ""),
            e["liftedAt"]?.GetValue<DateTimeOffset>(),
            e["liftedBy"]?.GetValue<string>())));
    }
}
