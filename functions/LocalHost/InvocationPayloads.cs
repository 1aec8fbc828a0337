using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// Builds the bodies the Functions host POSTs to a custom handler, quirks included: non-object values are
/// JSON-serialised (numbers become strings, strings gain a second layer of quotes), a JSON queue
/// message's top-level properties are copied into Metadata, and every request carries <c>sys</c>.
/// </summary>
public static class InvocationPayloads
{
    public static JsonObject Timer(string functionName, string bindingName, bool isPastDue, DateTimeOffset? last, DateTimeOffset? next, bool monitored, DateTimeOffset utcNow)
    {
        JsonNode? status = monitored
            ? new JsonObject
            {
                ["Last"] = Iso(last ?? DateTimeOffset.MinValue),
                ["Next"] = Iso(next ?? DateTimeOffset.MinValue),
                ["LastUpdated"] = Iso(last ?? DateTimeOffset.MinValue),
            }
            : null;
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status,
            ["IsPastDue"] = isPastDue,
        };
        return Envelope(new JsonObject { [bindingName] = timer }, new JsonObject { ["sys"] = Sys(functionName, utcNow) });
    }

    public static JsonObject Queue(string functionName, string bindingName, QueueDelivery message, DateTimeOffset utcNow)
    {
        var metadata = new JsonObject
        {
            ["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture),
            ["ExpirationTime"] = Iso(message.ExpiresOn ?? utcNow.AddDays(7)),
            ["Id"] = Quoted(message.MessageId),
            ["InsertionTime"] = Iso(message.InsertedOn ?? utcNow),
            ["NextVisibleTime"] = Iso(message.NextVisibleOn ?? utcNow),
            ["PopReceipt"] = Quoted(message.PopReceipt),
        };
        foreach (var (name, value) in TopLevelProperties(message.Text))
        {
            if (!metadata.ContainsKey(name) && name != "sys")
            {
                metadata[name] = value;
            }
        }

        metadata["sys"] = Sys(functionName, utcNow);
        return Envelope(new JsonObject { [bindingName] = message.Text }, metadata);
    }

    /// <summary>The non-forwarded HTTP shape: header values are arrays, the body a string (omitted when empty).</summary>
    public static JsonObject Http(string functionName, string bindingName, HttpEnvelopeRequest request, DateTimeOffset utcNow)
    {
        var query = new JsonObject();
        foreach (var (k, v) in request.Query)
        {
            query[k] = v;
        }

        var headers = new JsonObject();
        var flatHeaders = new JsonObject();
        foreach (var (k, v) in request.Headers)
        {
            headers[k] = new JsonArray(v);
            flatHeaders[k] = v;
        }

        var req = new JsonObject
        {
            ["Url"] = request.Url,
            ["Method"] = request.Method,
            ["Query"] = query,
            ["Headers"] = headers,
            ["Params"] = new JsonObject(),
            ["Identities"] = new JsonArray(),
        };
        if (request.Body is { Length: > 0 } body)
        {
            req["Body"] = body;
        }

        var metadata = new JsonObject
        {
            ["Query"] = query.DeepClone(),
            ["Headers"] = flatHeaders,
            ["Params"] = new JsonObject(),
            ["sys"] = Sys(functionName, utcNow),
        };
        return Envelope(new JsonObject { [bindingName] = req }, metadata);
    }

    private static JsonObject Envelope(JsonObject data, JsonObject metadata) => new() { ["Data"] = data, ["Metadata"] = metadata };

    private static JsonObject Sys(string functionName, DateTimeOffset utcNow) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = Iso(utcNow),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Quoted(string? value) => JsonSerializer.Serialize(value ?? string.Empty, Hosting.Invocation.InvocationJsonContext.Default.String);

    private static IEnumerable<(string Name, string Value)> TopLevelProperties(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            yield break;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                // The host serialises each value with JsonConvert: strings gain quotes, the rest is raw JSON.
                yield return (property.Name, property.Value.GetRawText());
            }
        }
    }
}

/// <summary>A received queue message, as the host knows it.</summary>
public sealed record QueueDelivery(string Text, string MessageId, string PopReceipt, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset? NextVisibleOn);

/// <summary>An incoming HTTP request, for the non-forwarded envelope.</summary>
public sealed record HttpEnvelopeRequest(string Url, string Method, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string? Body);
