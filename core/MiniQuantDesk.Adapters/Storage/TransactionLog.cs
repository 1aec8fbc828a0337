using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The append-only transaction log: one NDJSON append blob per UTC day in the <c>txlog</c> container,
/// readable by a person with any text tool. Every entry carries a deterministic <c>id</c>: a handler that is
/// retried may append an entry twice, and readers keep the first line of each id.
/// </summary>
public sealed class TransactionLog(StorageAccount storage)
{
    private BlobContainerClient Container => storage.Blobs.GetBlobContainerClient(DeskTables.TransactionLogContainer);

    public static string BlobName(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd}.ndjson";

    public Task AppendTransitionAsync(OrderTransition t, CancellationToken ct)
    {
        var entry = new JsonObject
        {
            ["id"] = $"order:{t.ClientOrderId}:{t.From}:{t.To}:{t.Event}:{t.ExecutionId}:{t.At.UtcTicks}",
            ["kind"] = "order-transition",
            ["at"] = t.At.ToString("O", CultureInfo.InvariantCulture),
            ["clientOrderId"] = t.ClientOrderId,
            ["brokerOrderId"] = t.BrokerOrderId,
            ["from"] = t.From.ToString(),
            ["to"] = t.To.ToString(),
            ["event"] = t.Event.ToString(),
            ["filledQty"] = t.FilledQuantity.ToString(CultureInfo.InvariantCulture),
            ["avgFillPrice"] = t.AverageFillPrice?.ToString(CultureInfo.InvariantCulture),
            ["brokerStatus"] = t.BrokerStatus,
            ["executionId"] = t.ExecutionId,
            ["fillQty"] = t.FillQuantity?.ToString(CultureInfo.InvariantCulture),
            ["fillPrice"] = t.FillPrice?.ToString(CultureInfo.InvariantCulture),
            ["detail"] = t.Detail,
        };
        return AppendAsync(entry, t.At, ct);
    }

    /// <summary>Appends any event (risk rejection, command with the user id, drift): <paramref name="entry"/> must carry id, kind and at.</summary>
    public async Task AppendAsync(JsonObject entry, DateTimeOffset at, CancellationToken ct)
    {
        if (entry["id"] is null || entry["kind"] is null)
        {
            throw new ArgumentException("a transaction-log entry needs an id and a kind", nameof(entry));
        }

        entry["at"] ??= at.ToString("O", CultureInfo.InvariantCulture);
        var blob = Container.GetAppendBlobClient(BlobName(at));
        var line = Encoding.UTF8.GetBytes(entry.ToJsonString() + "\n");
        try
        {
            await AppendLineAsync(blob, line, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: ct);
            await blob.CreateIfNotExistsAsync(cancellationToken: ct);
            await AppendLineAsync(blob, line, ct);
        }
    }

    private static async Task AppendLineAsync(AppendBlobClient blob, byte[] line, CancellationToken ct)
    {
        using var stream = new MemoryStream(line);
        await blob.AppendBlockAsync(stream, cancellationToken: ct);
    }

    /// <summary>The day's entries in order, each id once.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReadDayAsync(DateTimeOffset day, CancellationToken ct)
    {
        var blob = Container.GetBlobClient(BlobName(day));
        string text;
        try
        {
            text = (await blob.DownloadContentAsync(ct)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<JsonObject>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (JsonNode.Parse(line) is JsonObject entry && seen.Add(entry["id"]!.ToString()))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
