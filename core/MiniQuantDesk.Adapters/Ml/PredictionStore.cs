using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>
/// The <c>predictions</c> table: partition = symbol, row = bar start (sortable UTC) + "|" + model name. A
/// re-delivered minute finds its row and leaves it (the first prediction stands, with its outcome if scored).
/// </summary>
public sealed class PredictionStore(StorageAccount storage)
{
    public const string TableName = "predictions";
    private const string RowFormat = "yyyyMMdd'T'HHmmss";

    private TableClient Table => storage.Table(TableName);

    public async Task EnsureCreatedAsync(CancellationToken ct) => await Table.CreateIfNotExistsAsync(ct);

    public static string RowKey(DateTimeOffset barStart, string model) => TimeKey(barStart) + "|" + model;

    /// <summary>Logs a prediction; false when that symbol, bar and model already has one.</summary>
    public async Task<bool> AddAsync(ShadowPrediction prediction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var entity = ToEntity(new StoredPrediction(prediction, PredictionStatus.Pending));
        try
        {
            await Table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await EnsureCreatedAsync(ct);
            return await AddAsync(prediction, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Pending predictions of a symbol whose bar starts in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public async Task<IReadOnlyList<StoredPrediction>> PendingAsync(string symbol, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {symbol} and RowKey ge {TimeKey(from)} and RowKey lt {TimeKey(to.AddSeconds(1))} and Status eq {nameof(PredictionStatus.Pending)}");
        return await QueryAsync(filter, ct);
    }

    /// <summary>Every prediction whose bar starts in [<paramref name="from"/>, <paramref name="to"/>), all symbols.</summary>
    public async Task<IReadOnlyList<StoredPrediction>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {TimeKey(from)} and RowKey lt {TimeKey(to)}");
        return await QueryAsync(filter, ct);
    }

    /// <summary>Writes the outcome of a prediction (status, outcome bar, realised return, hit).</summary>
    public async Task RecordOutcomeAsync(StoredPrediction outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await Table.UpdateEntityAsync(ToEntity(outcome), ETag.All, TableUpdateMode.Merge, ct);
    }

    private async Task<IReadOnlyList<StoredPrediction>> QueryAsync(string filter, CancellationToken ct)
    {
        var rows = new List<StoredPrediction>();
        try
        {
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                rows.Add(FromEntity(entity));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return [.. rows.OrderBy(r => r.Prediction.BarStart).ThenBy(r => r.Prediction.Symbol, StringComparer.Ordinal).ThenBy(r => r.Prediction.Model, StringComparer.Ordinal)];
    }

    private static string TimeKey(DateTimeOffset instant) => instant.UtcDateTime.ToString(RowFormat, CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(StoredPrediction row)
    {
        var p = row.Prediction;
        var entity = new TableEntity(p.Symbol, RowKey(p.BarStart, p.Model))
        {
            ["Symbol"] = p.Symbol,
            ["BarStart"] = p.BarStart,
            ["Model"] = p.Model,
            ["ModelVersion"] = p.ModelVersion,
            ["FeatureSetVersion"] = p.FeatureSetVersion,
            ["HorizonMinutes"] = p.HorizonMinutes,
            ["Prediction"] = p.PredictsUp ? "up" : "down",
            ["Probability"] = p.Probability,
            ["Outlier"] = p.IsOutlier,
            ["OutlierFeatures"] = string.Join(",", p.OutlierFeatures),
            ["Status"] = row.Status.ToString(),
        };
        if (row.OutcomeBarStart is { } outcome)
        {
            entity["OutcomeBarStart"] = outcome;
        }

        if (row.RealizedReturn is { } r)
        {
            entity["RealizedReturn"] = r;
            entity["Hit"] = p.PredictsUp == r > 0;
        }

        return entity;
    }

    private static StoredPrediction FromEntity(TableEntity e)
    {
        var outliers = e.GetString("OutlierFeatures") is { Length: > 0 } list ? list.Split(',') : [];
        var prediction = new ShadowPrediction(
            e.GetString("Symbol") ?? e.PartitionKey,
            e.GetDateTimeOffset("BarStart") ?? default,
            e.GetString("Model") ?? "",
            e.GetString("ModelVersion") ?? "",
            e.GetString("FeatureSetVersion") ?? "",
            e.GetInt32("HorizonMinutes") ?? 0,
            e.GetDouble("Probability") ?? double.NaN,
            outliers);
        var status = Enum.TryParse<PredictionStatus>(e.GetString("Status"), out var s) ? s : PredictionStatus.Pending;
        return new StoredPrediction(prediction, status, e.GetDateTimeOffset("OutcomeBarStart"), e.GetDouble("RealizedReturn"));
    }
}
