using System.Globalization;
using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>
/// Reads values the way the Functions host writes them: it JSON-serialises every non-object value, so a
/// number arrives as <c>"1"</c> and a string as <c>"\"abc\""</c>. Both the documented plain form and the
/// captured quoted form are accepted.
/// </summary>
public static class InvocationValue
{
    public static string? AsString(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return UnwrapQuoted(value.GetString()!);
            default:
                return value.GetRawText();
        }
    }

    /// <summary>Strips exactly one level of JSON string quoting when the text is itself a JSON string.</summary>
    public static string UnwrapQuoted(string text)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize(text, InvocationJsonContext.Default.String) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    public static long? AsInt64(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        var text = AsString(value);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static DateTimeOffset? AsInstant(JsonElement value)
    {
        var text = AsString(value);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    public static bool? AsBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => bool.TryParse(AsString(value), out var parsed) ? parsed : null,
    };
}
