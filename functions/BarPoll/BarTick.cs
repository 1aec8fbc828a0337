using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.BarPoll;

/// <summary>The message BarPoll sends EvaluateStrategies: which symbols have new bars up to which minute.</summary>
public sealed record BarTick(DateTimeOffset Minute, IReadOnlyList<string> Symbols)
{
    public JsonObject ToJson()
    {
        var symbols = new JsonArray();
        foreach (var s in Symbols)
        {
            symbols.Add(s);
        }

        return new JsonObject { ["kind"] = "bar-tick", ["minute"] = Minute.ToString("O", CultureInfo.InvariantCulture), ["symbols"] = symbols };
    }

    public static BarTick Parse(QueueTrigger message)
    {
        var json = message.ParseJson();
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("minute", out var minute) || minute.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(minute.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || !json.TryGetProperty("symbols", out var symbols) || symbols.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInvocationException("a bar tick needs 'minute' (ISO time) and 'symbols' (array)");
        }

        var list = symbols.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new InvalidInvocationException("bar tick symbols must be strings")).ToList();
        return new BarTick(at, list);
    }
}
