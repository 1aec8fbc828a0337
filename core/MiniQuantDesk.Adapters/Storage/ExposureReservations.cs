using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// USD exposure promised to orders in flight, one row for the whole desk so that reading it, checking
/// risk against it and adding a reservation happen under one ETag: two instances placing orders at once
/// cannot both spend the same buying power. Reservations are keyed by intent id, so reserving twice
/// (a re-delivered message) holds the amount once.
/// </summary>
public sealed class ExposureReservations(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string Row = "exposure";

    private TableClient Table => storage.Table(DeskTables.State);

    public sealed record Snapshot(ImmutableDictionary<string, Reservation> Entries, ETag ETag)
    {
        /// <summary>What the risk manager sees: everything reserved except the order being checked.</summary>
        public ReservedExposure Excluding(string intentId)
        {
            var others = Entries.Where(e => e.Key != intentId).Select(e => e.Value).ToList();
            var bySymbol = others.GroupBy(r => r.Symbol, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Sum(r => r.Usd), StringComparer.Ordinal);
            return new ReservedExposure(others.Sum(r => r.Usd), bySymbol);
        }
    }

    public sealed record Reservation(string Symbol, decimal Usd);

    public async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!response.HasValue || response.Value is null)
        {
            return new Snapshot(ImmutableDictionary<string, Reservation>.Empty.WithComparers(StringComparer.Ordinal), default);
        }

        return new Snapshot(Parse(response.Value.GetString("Entries")), response.Value.ETag);
    }

    /// <summary>Adds (or keeps) a reservation if nobody changed the row since <paramref name="seen"/>; false means re-read and decide again.</summary>
    public Task<bool> TryReserveAsync(Snapshot seen, string intentId, string symbol, decimal usd, CancellationToken ct) =>
        TryWriteAsync(seen, seen.Entries.SetItem(intentId, new Reservation(symbol, usd)), ct);

    /// <summary>Releases a reservation (order terminal, refused, or never sent), retrying on concurrent changes.</summary>
    public async Task ReleaseAsync(string intentId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var seen = await ReadAsync(ct);
            if (!seen.Entries.ContainsKey(intentId) || await TryWriteAsync(seen, seen.Entries.Remove(intentId), ct))
            {
                return;
            }
        }

        throw new ConcurrencyConflictException("exposure reservations (release)");
    }

    private async Task<bool> TryWriteAsync(Snapshot seen, ImmutableDictionary<string, Reservation> entries, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, Row) { ["Entries"] = Format(entries) };
        return await ConditionalWrite.TryWriteAsync(Table, entity, seen.ETag, ct);
    }

    private static string Format(ImmutableDictionary<string, Reservation> entries)
    {
        var json = new JsonObject();
        foreach (var (id, r) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json[id] = new JsonObject { ["symbol"] = r.Symbol, ["usd"] = r.Usd.ToString(CultureInfo.InvariantCulture) };
        }

        return json.ToJsonString();
    }

    private static ImmutableDictionary<string, Reservation> Parse(string? text)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, Reservation>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return builder.ToImmutable();
        }

        using var document = JsonDocument.Parse(text);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            builder[entry.Name] = new Reservation(
                entry.Value.GetProperty("symbol").GetString()!,
                decimal.Parse(entry.Value.GetProperty("usd").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture));
        }

        return builder.ToImmutable();
    }
}
