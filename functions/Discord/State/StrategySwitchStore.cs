using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.Discord.State;

/// <summary>
/// Which configured strategies a person has disabled (row <c>desk/strategies</c> of the state table). Changes
/// go through the row's ETag, so two /strategy commands at once cannot lose one another's change.
/// </summary>
public sealed class StrategySwitchStore(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string Row = "strategies";
    private const int MaxAttempts = 5;

    private TableClient Table => storage.Table(DeskTables.State);

    public async Task<IReadOnlySet<string>> ReadDisabledAsync(CancellationToken ct) => (await ReadAsync(ct)).Disabled;

    /// <summary>Enables or disables <paramref name="strategy"/>; true when that changed anything.</summary>
    public async Task<bool> SetAsync(string strategy, bool enabled, string by, DateTimeOffset at, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (disabled, etag) = await ReadAsync(ct);
            var next = new HashSet<string>(disabled, StringComparer.Ordinal);
            var changed = enabled ? next.Remove(strategy) : next.Add(strategy);
            if (!changed)
            {
                return false;
            }

            var entity = new TableEntity(Partition, Row)
            {
                ["Disabled"] = string.Join(",", next.Order(StringComparer.Ordinal)),
                ["ChangedBy"] = by,
                ["ChangedAt"] = at,
            };
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

                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone changed it first: read again and re-apply.
            }
        }

        throw new ConcurrencyConflictException("strategy switches");
    }

    private async Task<(HashSet<string> Disabled, ETag ETag)> ReadAsync(CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!row.HasValue || row.Value is null)
        {
            return ([], default);
        }

        var names = (row.Value.GetString("Disabled") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (new HashSet<string>(names, StringComparer.Ordinal), row.Value.ETag);
    }
}
