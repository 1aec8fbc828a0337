using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Corporate actions applied to the books (splits), one row each, keyed so that recognising the same split
/// twice records it once. The desk's positions are its fills plus these.
/// </summary>
public sealed class PositionAdjustmentStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(DeskTables.Adjustments);

    public sealed record Split(string Symbol, string Id, decimal Ratio, DateTimeOffset At);

    /// <summary>Records the split unless one with the same id exists; true when this call recorded it.</summary>
    public async Task<bool> AddIfAbsentAsync(Split split, CancellationToken ct)
    {
        var entity = new TableEntity(split.Symbol, split.Id) { ["Ratio"] = split.Ratio.ToString(CultureInfo.InvariantCulture), ["At"] = split.At };
        try
        {
            await Table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await Table.CreateIfNotExistsAsync(ct);
            return await AddIfAbsentAsync(split, ct);
        }
    }

    public async Task<IReadOnlyList<Split>> ListAsync(CancellationToken ct)
    {
        var splits = new List<Split>();
        try
        {
            await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: ct))
            {
                splits.Add(new Split(e.PartitionKey, e.RowKey, decimal.Parse(e.GetString("Ratio")!, NumberStyles.Number, CultureInfo.InvariantCulture), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return splits;
    }
}
