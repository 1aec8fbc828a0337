using System.Globalization;
using System.Text.Json;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>Lenient reads of request JSON: Alpaca sends numbers as strings, but a JSON number is accepted too.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var b) => b,
            _ => null,
        } : null;

    /// <summary>Absent or null → (null, null); present but not a number → an error naming the field.</summary>
    public static (decimal? Value, string? Error) Decimal(JsonElement obj, string name, string? label = null)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return (number, null);
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return (parsed, null);
        }

        return (null, $"invalid {label ?? name}: {value.GetRawText()}");
    }
}
