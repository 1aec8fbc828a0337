using Azure;
using Azure.Data.Tables;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The desk's small shared state in Table Storage: the kill-switch / trading flags and the time of the last
/// bar tick. Writes use ETags, so two instances changing flags at once cannot silently overwrite each other.
/// </summary>
public sealed class DeskStateStore(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string FlagsRow = "flags";
    private const string TickRow = "lasttick";

    private TableClient Table => storage.Table(DeskTables.State);

    public async Task EnsureCreatedAsync(CancellationToken ct) => await Table.CreateIfNotExistsAsync(ct);

    public async Task<DeskFlags> ReadFlagsAsync(CancellationToken ct)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, FlagsRow, cancellationToken: ct);
        if (!entity.HasValue || entity.Value is null)
        {
            return DeskFlags.Initial;
        }

        var row = entity.Value;
        return new DeskFlags(
            row.GetBoolean("TradingEnabled") ?? true,
            row.GetBoolean("KillSwitch") ?? false,
            row.GetDateTimeOffset("ChangedAt"),
            row.GetString("ChangedBy"));
    }

    public async Task WriteFlagsAsync(DeskFlags flags, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, FlagsRow)
        {
            ["TradingEnabled"] = flags.TradingEnabled,
            ["KillSwitch"] = flags.KillSwitch,
            ["ChangedAt"] = flags.ChangedAt,
            ["ChangedBy"] = flags.ChangedBy,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<DateTimeOffset?> ReadLastTickAsync(CancellationToken ct)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, TickRow, cancellationToken: ct);
        return entity.HasValue && entity.Value is not null ? entity.Value.GetDateTimeOffset("At") : null;
    }

    public async Task RecordTickAsync(DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await Table.UpsertEntityAsync(new TableEntity(Partition, TickRow) { ["At"] = at }, TableUpdateMode.Replace, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await EnsureCreatedAsync(ct);
            await Table.UpsertEntityAsync(new TableEntity(Partition, TickRow) { ["At"] = at }, TableUpdateMode.Replace, ct);
        }
    }
}
