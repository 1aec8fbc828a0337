using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Research;

namespace MiniQuantDesk.Adapters.Research;

/// <summary>
/// The paper record's storage side. Writes to the transaction log: <c>desk-config</c> (the configuration the
/// desk started with, once per fingerprint, mode and day), <c>drift-resolved</c> (a person's word that a drift
/// is dealt with) and <c>live-gate-override</c>. Reads what <see cref="TrackRecordBuilder"/> needs: those
/// entries plus <c>risk-rejection</c> and <c>drift</c> from the log, fills from the order records, and the
/// stored bars.
/// </summary>
public sealed class PaperRecordStore(TransactionLog log, OrderStore orders, BarStore bars)
{
    /// <summary>Days before the first session whose log is read for the configuration then in force.</summary>
    public const int ConfigurationLookbackDays = 30;

    /// <summary>Days of bars before the first session: the parity backtest's warm-up (the live minute replays 4).</summary>
    public const int WarmUpDays = 5;

    public Task AppendConfigurationAsync(DeskConfiguration config, string mode, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var fingerprint = config.Fingerprint;
        return log.AppendAsync(new JsonObject
        {
            ["id"] = $"desk-config:{fingerprint}:{mode}:{at.UtcDateTime:yyyy-MM-dd}",
            ["kind"] = "desk-config",
            ["mode"] = mode,
            ["fingerprint"] = fingerprint,
            ["parameters"] = config.Parameters,
        }, at, ct);
    }

    public Task AppendDriftResolutionAsync(string symbol, string by, string note, DateTimeOffset at, CancellationToken ct) =>
        log.AppendAsync(new JsonObject
        {
            ["id"] = $"drift-resolved:{symbol}:{at.UtcTicks}",
            ["kind"] = "drift-resolved",
            ["symbol"] = symbol,
            ["user"] = by,
            ["note"] = note,
        }, at, ct);

    public Task AppendOverrideAsync(LiveGateVerdict verdict, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return log.AppendAsync(new JsonObject
        {
            ["id"] = $"live-gate-override:{verdict.Fingerprint}:{at.UtcTicks}",
            ["kind"] = "live-gate-override",
            ["fingerprint"] = verdict.Fingerprint,
            ["sessions"] = verdict.Sessions,
            ["failed"] = new JsonArray([.. verdict.Failures.Select(f => (JsonNode)JsonValue.Create(f.Reason)!)]),
        }, at, ct);
    }

    /// <summary>The record's inputs for sessions [from, to] (New York dates).</summary>
    public async Task<PaperRecordInput> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var configs = new List<ConfigurationEvent>();
        var risk = new List<RiskEvent>();
        var drifts = new List<DriftEvent>();
        var resolutions = new List<DriftResolution>();
        for (var day = from.AddDays(-ConfigurationLookbackDays); day <= to.AddDays(1); day = day.AddDays(1))
        {
            var utc = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var e in await log.ReadDayAsync(utc, ct))
            {
                Read(e, configs, risk, drifts, resolutions);
            }
        }

        var end = NewYorkTime.DayBounds(to).EndUtc;
        var start = NewYorkTime.DayBounds(from).StartUtc;
        var fills = (await OrdersAsync(ct))
            .Select(o => o.Record)
            .Where(r => r.FilledQuantity > 0m && r.AverageFillPrice is not null)
            .Select(r => new PaperFill(r.ClientOrderId, r.Symbol, r.Side, r.FilledQuantity, r.AverageFillPrice!.Value, r.LastFillAt ?? r.UpdatedAt))
            .Where(f => f.At >= start && f.At < end)
            .ToList();
        var symbols = configs.SelectMany(c => c.Configuration?.Symbols ?? []).Concat(fills.Select(f => f.Symbol)).Distinct(StringComparer.Ordinal);
        var stored = new List<Bar>();
        foreach (var symbol in symbols)
        {
            stored.AddRange((await bars.ReadSinceAsync(symbol, start.AddDays(-WarmUpDays), ct)).Where(b => b.Start < end));
        }

        return new PaperRecordInput(from, configs, fills, risk, drifts, resolutions, stored);
    }

    /// <summary>No orders table yet (a desk that never traded) is an empty record, not an error.</summary>
    private async Task<IReadOnlyList<StoredOrder>> OrdersAsync(CancellationToken ct)
    {
        try
        {
            return await orders.ListAsync(ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    private static void Read(JsonObject e, List<ConfigurationEvent> configs, List<RiskEvent> risk, List<DriftEvent> drifts, List<DriftResolution> resolutions)
    {
        if (!DateTimeOffset.TryParse(Text(e, "at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return;
        }

        switch (Text(e, "kind"))
        {
            case "desk-config" when Text(e, "fingerprint") is { } fingerprint:
                configs.Add(new ConfigurationEvent(at, Text(e, "mode") ?? "unknown", fingerprint, DeskConfiguration.FromParameters(Text(e, "parameters"))));
                break;
            case "risk-rejection":
                risk.Add(new RiskEvent(at, Text(e, "symbol") ?? "", Text(e, "reason") ?? ""));
                break;
            case "drift" when Number(e, "desk") is { } desk && Number(e, "broker") is { } broker:
                drifts.Add(new DriftEvent(at, Text(e, "symbol") ?? "", desk, broker));
                break;
            case "drift-resolved":
                resolutions.Add(new DriftResolution(at, Text(e, "symbol") ?? "*", Text(e, "user") ?? "", Text(e, "note") ?? ""));
                break;
        }
    }

    private static string? Text(JsonObject e, string name) => e[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : e[name]?.ToJsonString();

    private static decimal? Number(JsonObject e, string name) =>
        decimal.TryParse(Text(e, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
