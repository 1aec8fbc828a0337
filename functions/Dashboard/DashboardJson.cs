using System.Globalization;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// How the dashboard writes numbers: money as text with exactly two decimals (rounded half away from zero, as a
/// statement would), prices and quantities as the exact decimal text. Text, never a JSON number, so the page
/// shows what the desk computed without a float in between.
/// </summary>
public static class DashboardJson
{
    public static JsonNode? Money(decimal? value) =>
        value is { } v ? JsonValue.Create(Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture)) : null;

    public static JsonNode? Exact(decimal? value) =>
        value is { } v ? JsonValue.Create((v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)) : null;

    /// <summary>A price as the page shows it: at most four decimals (an average of fills can have 28).</summary>
    public static JsonNode? Price(decimal? value) => Exact(value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null);

    public static JsonNode? Percent(decimal? value) =>
        value is { } v ? JsonValue.Create(Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture)) : null;

    public static JsonNode? Time(DateTimeOffset? value) =>
        value is { } v ? JsonValue.Create(v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : null;

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
