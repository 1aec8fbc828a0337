using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Accepted 1-minute bars in the <c>bars</c> table: partition = symbol, row = bar start (sortable UTC text),
/// so a symbol's window is one range query and storing the same bar twice is the same row.
/// </summary>
public sealed class BarStore(StorageAccount storage)
{
    private const string RowFormat = "yyyyMMdd'T'HHmmss";

    private TableClient Table => storage.Table(DeskTables.Bars);

    public async Task EnsureCreatedAsync(CancellationToken ct) => await Table.CreateIfNotExistsAsync(ct);

    public async Task StoreAsync(IEnumerable<Bar> bars, CancellationToken ct)
    {
        // Entity-group transactions must stay within one partition and 100 actions (Azure rejects more).
        foreach (var symbol in bars.GroupBy(b => b.Symbol, StringComparer.Ordinal))
        {
            foreach (var chunk in symbol.Chunk(100))
            {
                var actions = chunk.Select(b => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(b)));
                try
                {
                    await Table.SubmitTransactionAsync(actions, ct);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    await EnsureCreatedAsync(ct);
                    await Table.SubmitTransactionAsync(actions, ct);
                }
            }
        }
    }

    /// <summary>The symbol's bars starting at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Bar>> ReadSinceAsync(string symbol, DateTimeOffset since, CancellationToken ct)
    {
        var bars = new List<Bar>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {symbol} and RowKey ge {RowKey(since)}");
        try
        {
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                bars.Add(FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return bars.OrderBy(b => b.Start).ToList();
    }

    public static string RowKey(DateTimeOffset start) => start.UtcDateTime.ToString(RowFormat, CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(Bar bar) => new(bar.Symbol, RowKey(bar.Start))
    {
        ["Start"] = bar.Start,
        ["Open"] = bar.Open.ToString(CultureInfo.InvariantCulture),
        ["High"] = bar.High.ToString(CultureInfo.InvariantCulture),
        ["Low"] = bar.Low.ToString(CultureInfo.InvariantCulture),
        ["Close"] = bar.Close.ToString(CultureInfo.InvariantCulture),
        ["Volume"] = bar.Volume,
    };

    private static Bar FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetDateTimeOffset("Start") ?? DateTimeOffset.ParseExact(e.RowKey, RowFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Price(e, "Open"),
        Price(e, "High"),
        Price(e, "Low"),
        Price(e, "Close"),
        e.GetInt64("Volume") ?? 0);

    private static decimal Price(TableEntity e, string name) => decimal.Parse(e.GetString(name) ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);
}
