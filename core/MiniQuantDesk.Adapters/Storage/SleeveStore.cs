using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The portfolio's sleeves (shares each strategy holds per symbol), versioned by bar minute: processing
/// minute M starts from the sleeves as they were BEFORE M and stores both. A tick delivered twice therefore
/// starts from the same sleeves and makes the same decision, instead of seeing its own first attempt.
/// </summary>
public sealed class SleeveStore(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string Row = "sleeves";

    private TableClient Table => storage.Table(DeskTables.State);

    public sealed record SleeveState(DateTimeOffset? Minute, IReadOnlyDictionary<string, decimal> Before, IReadOnlyDictionary<string, decimal> After, ETag ETag)
    {
        /// <summary>The sleeves to start minute <paramref name="minute"/> from; null when that minute is older than one already processed.</summary>
        public IReadOnlyDictionary<string, decimal>? BaseFor(DateTimeOffset minute) =>
            Minute is null || Minute < minute ? After : Minute == minute ? Before : null;
    }

    public static string Key(string strategy, string symbol) => $"{strategy}|{symbol}";

    public async Task<SleeveState> ReadAsync(CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } e)
        {
            return new SleeveState(null, Empty(), Empty(), default);
        }

        return new SleeveState(e.GetDateTimeOffset("Minute"), Parse(e.GetString("Before")), Parse(e.GetString("After")), e.ETag);
    }

    /// <summary>Stores the sleeves after <paramref name="minute"/>; false when someone else wrote first (re-read and redo).</summary>
    public async Task<bool> TryWriteAsync(SleeveState seen, DateTimeOffset minute, IReadOnlyDictionary<string, decimal> before, IReadOnlyDictionary<string, decimal> after, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, Row) { ["Minute"] = minute, ["Before"] = Format(before), ["After"] = Format(after) };
        return await ConditionalWrite.TryWriteAsync(Table, entity, seen.ETag, ct);
    }

    private static Dictionary<string, decimal> Empty() => new(StringComparer.Ordinal);

    private static string Format(IReadOnlyDictionary<string, decimal> sleeves)
    {
        var json = new JsonObject();
        foreach (var (key, shares) in sleeves.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            json[key] = shares.ToString(CultureInfo.InvariantCulture);
        }

        return json.ToJsonString();
    }

    private static Dictionary<string, decimal> Parse(string? text)
    {
        var sleeves = Empty();
        if (string.IsNullOrEmpty(text))
        {
            return sleeves;
        }

        using var document = JsonDocument.Parse(text);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            sleeves[entry.Name] = decimal.Parse(entry.Value.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        return sleeves;
    }
}
