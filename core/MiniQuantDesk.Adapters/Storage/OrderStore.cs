using System.Collections.Immutable;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Order records in the <c>orders</c> table, one row per client order id (= intent id). Insert-if-absent
/// makes a re-delivered intent find its order instead of creating a second; every update presents the
/// ETag it read, so two instances can never both apply a transition. Money is stored as invariant
/// decimal text: Table Storage has no decimal type and a double would lose cents.
/// </summary>
public sealed class OrderStore(StorageAccount storage)
{
    private const string Partition = "order";

    private TableClient Table => storage.Table(DeskTables.Orders);

    public async Task EnsureCreatedAsync(CancellationToken ct) => await Table.CreateIfNotExistsAsync(ct);

    /// <summary>Inserts the record unless one with its id exists; returns the stored row either way.</summary>
    public async Task<(StoredOrder Order, bool Inserted)> InsertIfAbsentAsync(OrderRecord record, string? protectionJson, CancellationToken ct)
    {
        try
        {
            var response = await Table.AddEntityAsync(ToEntity(record, protectionJson), ct);
            return (new StoredOrder(record, response.Headers.ETag ?? ETag.All, protectionJson), true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(record.ClientOrderId, ct) ?? throw new InvalidOperationException($"order {record.ClientOrderId} reported as existing but not found");
            return (existing, false);
        }
    }

    public async Task<StoredOrder?> GetAsync(string clientOrderId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, clientOrderId, cancellationToken: ct);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Replaces the row only if it is unchanged since <paramref name="current"/> was read.</summary>
    public async Task<StoredOrder> ReplaceAsync(StoredOrder current, OrderRecord next, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(next, current.ProtectionJson), current.ETag, TableUpdateMode.Replace, ct);
            return new StoredOrder(next, response.Headers.ETag ?? ETag.All, current.ProtectionJson);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyConflictException($"order {current.Record.ClientOrderId}");
        }
    }

    /// <summary>Orders not yet in a terminal status: what start-up and Reconcile re-read from the broker.</summary>
    public async Task<IReadOnlyList<StoredOrder>> ListOpenAsync(CancellationToken ct)
    {
        var open = new List<StoredOrder>();
        await foreach (var entity in Table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}' and Open eq true", cancellationToken: ct))
        {
            open.Add(FromEntity(entity));
        }

        return open;
    }

    /// <summary>Orders created at or after <paramref name="since"/> (the risk check needs today's, not all time's).</summary>
    public async Task<IReadOnlyList<StoredOrder>> ListSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var recent = new List<StoredOrder>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and CreatedAt ge {since}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            recent.Add(FromEntity(entity));
        }

        return recent;
    }

    public async Task<IReadOnlyList<StoredOrder>> ListAsync(CancellationToken ct)
    {
        var all = new List<StoredOrder>();
        await foreach (var entity in Table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: ct))
        {
            all.Add(FromEntity(entity));
        }

        return all;
    }

    private static TableEntity ToEntity(OrderRecord r, string? protectionJson) => new(Partition, r.ClientOrderId)
    {
        ["BrokerOrderId"] = r.BrokerOrderId,
        ["Symbol"] = r.Symbol,
        ["Side"] = r.Side.ToString(),
        ["Type"] = r.Type.ToString(),
        ["Quantity"] = Text(r.Quantity),
        ["LimitPrice"] = Text(r.LimitPrice),
        ["Status"] = r.Status.ToString(),
        ["Open"] = !r.IsTerminal,
        ["FilledQuantity"] = Text(r.FilledQuantity),
        ["AverageFillPrice"] = Text(r.AverageFillPrice),
        ["ExecutionIds"] = string.Join('\n', r.AppliedExecutionIds),
        ["CreatedAt"] = r.CreatedAt,
        ["UpdatedAt"] = r.UpdatedAt,
        ["SubmittedAt"] = r.SubmittedAt,
        ["LastFillAt"] = r.LastFillAt,
        ["ClosedAt"] = r.ClosedAt,
        ["Protection"] = protectionJson,
    };

    private static StoredOrder FromEntity(TableEntity e)
    {
        var executions = e.GetString("ExecutionIds") is { Length: > 0 } ids ? ids.Split('\n').ToImmutableList() : [];
        var record = new OrderRecord(
            e.RowKey,
            e.GetString("BrokerOrderId"),
            e.GetString("Symbol") ?? string.Empty,
            Enum.Parse<OrderSide>(e.GetString("Side") ?? nameof(OrderSide.Buy)),
            Enum.Parse<OrderType>(e.GetString("Type") ?? nameof(OrderType.Market)),
            Number(e.GetString("Quantity")) ?? 0m,
            Number(e.GetString("LimitPrice")),
            Enum.Parse<OrderStatus>(e.GetString("Status") ?? nameof(OrderStatus.Intended)),
            Number(e.GetString("FilledQuantity")) ?? 0m,
            Number(e.GetString("AverageFillPrice")),
            executions,
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("SubmittedAt"),
            e.GetDateTimeOffset("LastFillAt"),
            e.GetDateTimeOffset("ClosedAt"));
        return new StoredOrder(record, e.ETag, e.GetString("Protection"));
    }

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
