using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>
/// A queue message as the host delivers it. <see cref="Text"/> is the decoded message text (the JSON a
/// producer enqueued); <see cref="DequeueCount"/> counts deliveries and is for logging and escalation,
/// never for idempotency (message content is).
/// </summary>
public sealed record QueueTrigger(string Text, string? MessageId, long DequeueCount, DateTimeOffset? InsertionTime)
{
    public static QueueTrigger From(InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var value))
        {
            throw new InvalidInvocationException($"queue invocation has no '{bindingName}' value in Data");
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => InvocationValue.UnwrapQuoted(value.GetString()!),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => throw new InvalidInvocationException($"queue message '{bindingName}' must be a string, was {value.ValueKind}"),
        };

        var dequeueCount = request.MetadataValue("DequeueCount") is { } d ? InvocationValue.AsInt64(d) ?? 1 : 1;
        var id = request.MetadataValue("Id") is { } i ? InvocationValue.AsString(i) : null;
        var inserted = request.MetadataValue("InsertionTime") is { } t ? InvocationValue.AsInstant(t) : null;
        return new QueueTrigger(text, id, dequeueCount, inserted);
    }

    /// <summary>Parses the message text as JSON, failing with a clear reason instead of a parser stack.</summary>
    public JsonElement ParseJson()
    {
        try
        {
            using var document = JsonDocument.Parse(Text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"queue message is not JSON: {ex.Message}");
        }
    }
}
