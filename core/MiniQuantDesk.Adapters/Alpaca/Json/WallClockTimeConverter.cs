using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiniQuantDesk.Adapters.Alpaca.Json;

/// <summary>Reads the calendar's "09:30" (and "0930", "09:30:00") wall-clock times; writes "HH:mm".</summary>
public sealed class WallClockTimeConverter : JsonConverter<TimeOnly>
{
    private static readonly string[] Formats = ["HH:mm", "HHmm", "HH:mm:ss"];

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new JsonException($"expected a wall-clock time like 09:30, was '{text}'");
    }

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
}
