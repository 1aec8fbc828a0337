using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// The risk state a person can see and must act on: equity peaks (day and all-time) and the drawdown
/// breaker, which once tripped stays tripped in storage until someone re-arms it.
/// </summary>
public sealed class RiskStateStore(StorageAccount storage)
{
    private const string Partition = "desk";
    private const string Row = "risk";

    private TableClient Table => storage.Table(DeskTables.State);

    public sealed record RiskState(EquityPeaks? Peaks, DateOnly? PeakDay, DrawdownBreakerState Breaker, ETag ETag);

    public async Task<RiskState> ReadAsync(CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } e)
        {
            return new RiskState(null, null, DrawdownBreakerState.Armed, default);
        }

        EquityPeaks? peaks = e.GetString("DayPeak") is { } day && e.GetString("AllTimePeak") is { } all
            ? new EquityPeaks(Money(day), Money(all))
            : null;
        var breaker = e.GetBoolean("Tripped") == true
            ? DrawdownBreakerState.Armed.Trip(e.GetDateTimeOffset("TrippedAt") ?? DateTimeOffset.MinValue, e.GetString("TripReason") ?? "tripped")
            : DrawdownBreakerState.Armed with { RearmedAt = e.GetDateTimeOffset("RearmedAt"), RearmedBy = e.GetString("RearmedBy") };
        DateOnly? peakDay = e.GetString("PeakDay") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new RiskState(peaks, peakDay, breaker, e.ETag);
    }

    /// <summary>Writes only if unchanged since read; false means someone else wrote first (re-read).</summary>
    public async Task<bool> TryWriteAsync(RiskState seen, EquityPeaks peaks, DateOnly peakDay, DrawdownBreakerState breaker, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, Row)
        {
            ["DayPeak"] = peaks.DayPeak.ToString(CultureInfo.InvariantCulture),
            ["AllTimePeak"] = peaks.AllTimePeak.ToString(CultureInfo.InvariantCulture),
            ["PeakDay"] = peakDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Tripped"] = breaker.IsTripped,
            ["TrippedAt"] = breaker.TrippedAt,
            ["TripReason"] = breaker.TripReason,
            ["RearmedAt"] = breaker.RearmedAt,
            ["RearmedBy"] = breaker.RearmedBy,
        };
        return await ConditionalWrite.TryWriteAsync(Table, entity, seen.ETag, ct);
    }

    public static JsonObject Describe(RiskState state) => new()
    {
        ["dayPeak"] = state.Peaks?.DayPeak.ToString(CultureInfo.InvariantCulture),
        ["allTimePeak"] = state.Peaks?.AllTimePeak.ToString(CultureInfo.InvariantCulture),
        ["breakerTripped"] = state.Breaker.IsTripped,
        ["tripReason"] = state.Breaker.TripReason,
    };

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
