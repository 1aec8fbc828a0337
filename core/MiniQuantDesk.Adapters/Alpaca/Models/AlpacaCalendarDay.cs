using System.Text.Json.Serialization;
using MiniQuantDesk.Adapters.Alpaca.Json;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// One trading day of Alpaca's calendar (OpenAPI schema <c>Calendar</c>). <see cref="Open"/>/<see cref="Close"/>
/// are New York wall-clock times (an early close shows as 13:00); holidays are absent from the list.
/// <c>session_open</c>/<c>session_close</c> ("0400", HHMM without a colon) are kept raw: informational only.
/// </summary>
public sealed record AlpacaCalendarDay
{
    public DateOnly Date { get; init; }

    [JsonConverter(typeof(WallClockTimeConverter))]
    public TimeOnly Open { get; init; }

    [JsonConverter(typeof(WallClockTimeConverter))]
    public TimeOnly Close { get; init; }

    public string? SessionOpen { get; init; }
    public string? SessionClose { get; init; }
}
