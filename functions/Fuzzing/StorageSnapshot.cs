using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Everything the desk keeps, as sorted lines: every table entity (key and ETag), every blob (name and ETag),
/// every queue's visible messages (id and text) and count. Two equal snapshots mean no state changed.
/// </summary>
public sealed record StorageSnapshot(IReadOnlyList<string> Lines)
{
    public static async Task<StorageSnapshot> TakeAsync(StorageAccount storage, CancellationToken ct)
    {
        var parts = new List<Task<List<string>>>();
        await foreach (var table in storage.Tables.QueryAsync(cancellationToken: ct))
        {
            parts.Add(TableAsync(storage.Table(table.Name), ct));
        }

        await foreach (var container in storage.Blobs.GetBlobContainersAsync(cancellationToken: ct))
        {
            parts.Add(ContainerAsync(storage, container.Name, ct));
        }

        await foreach (var queue in storage.Queues.GetQueuesAsync(cancellationToken: ct))
        {
            parts.Add(QueueAsync(storage, queue.Name, ct));
        }

        var lines = (await Task.WhenAll(parts)).SelectMany(l => l).Order(StringComparer.Ordinal).ToList();
        return new StorageSnapshot(lines);
    }

    public bool SameAs(StorageSnapshot other) => Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

    /// <summary>The first lines that differ, for the report.</summary>
    public string Difference(StorageSnapshot after)
    {
        var gone = Lines.Except(after.Lines, StringComparer.Ordinal).Take(3).Select(l => "- " + l);
        var added = after.Lines.Except(Lines, StringComparer.Ordinal).Take(3).Select(l => "+ " + l);
        return string.Join(" | ", gone.Concat(added));
    }

    private static async Task<List<string>> TableAsync(TableClient table, CancellationToken ct)
    {
        var lines = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            lines.Add($"table {table.Name} {entity.PartitionKey}/{entity.RowKey} {entity.ETag}");
        }

        return lines;
    }

    private static async Task<List<string>> ContainerAsync(StorageAccount storage, string name, CancellationToken ct)
    {
        var lines = new List<string>();
        await foreach (var blob in storage.Blobs.GetBlobContainerClient(name).GetBlobsAsync(cancellationToken: ct))
        {
            lines.Add($"blob {name}/{blob.Name} {blob.Properties.ETag}");
        }

        return lines;
    }

    private static async Task<List<string>> QueueAsync(StorageAccount storage, string name, CancellationToken ct)
    {
        var queue = storage.Queue(name);
        var properties = await queue.GetPropertiesAsync(ct);
        var lines = new List<string> { $"queue {name} count {properties.Value.ApproximateMessagesCount}" };
        foreach (var message in (await queue.PeekMessagesAsync(32, ct)).Value)
        {
            lines.Add($"queue {name} {message.MessageId} {message.Body}");
        }

        return lines;
    }
}
