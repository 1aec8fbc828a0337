using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// Sends one invocation to the handler and reads its answer the way the host does: any non-2xx status,
/// an unreadable body, a timeout or a dropped connection fails the invocation and its outputs are dropped. While a
/// handler that died is being restarted, new invocations wait for it (up to 30 s) rather than fail.
/// </summary>
public sealed class InvocationSender(HttpClient http, IHandlerEndpoint handler)
{
    public static readonly TimeSpan RestartPatience = TimeSpan.FromSeconds(30);

    public async Task<InvocationOutcome> SendAsync(FunctionDefinition function, JsonObject payload, string? traceParent, CancellationToken ct)
    {
        await handler.WaitUntilRunningAsync(RestartPatience, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(handler.BaseAddress, function.Name))
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", LocalFunctionsHost.HostVersion);
        request.Headers.TryAddWithoutValidation("User-Agent", $"Azure-Functions-Host/{LocalFunctionsHost.HostVersion}");
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return InvocationOutcome.Failed(0, $"handler unreachable: {ex.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return InvocationOutcome.Failed((int)response.StatusCode, ErrorFrom(body) ?? $"handler answered {(int)response.StatusCode}", LogsFrom(body));
            }

            return Read(function, (int)response.StatusCode, body);
        }
    }

    /// <summary>Reads <c>{Outputs, Logs, ReturnValue}</c>; outputs not declared as queue or http bindings are ignored, as the host does.</summary>
    public static InvocationOutcome Read(FunctionDefinition function, int status, string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            return InvocationOutcome.Failed(status, $"handler answer is not JSON: {ex.Message}");
        }

        if (root is not JsonObject answer)
        {
            return InvocationOutcome.Failed(status, "handler answer is not a JSON object");
        }

        var outputs = Property(answer, "Outputs") as JsonObject;
        var queues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in function.QueueOutputs)
        {
            if (outputs is not null && Property(outputs, binding.Name) is { } value)
            {
                queues[binding.Name] = QueueMessages(value);
            }
        }

        JsonObject? httpOutput = null;
        if (function.HttpOutput is { } res && outputs is not null && Property(outputs, res.Name) is JsonObject r)
        {
            httpOutput = r;
        }

        return new InvocationOutcome(true, status, queues, httpOutput, LogsFrom(body), null);
    }

    private static List<string> QueueMessages(JsonNode value) => value switch
    {
        JsonArray array => array.Where(item => item is not null).Select(item => MessageText(item!)).ToList(),
        _ => [MessageText(value)],
    };

    /// <summary>
    /// The host's pitfall, reproduced on purpose: a string output that parses as base64 is sent as the
    /// decoded bytes. The desk only enqueues JSON objects, which never parse as base64.
    /// </summary>
    private static string MessageText(JsonNode item)
    {
        if (item is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var buffer = new byte[text.Length];
            if (text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written))
            {
                return Encoding.UTF8.GetString(buffer, 0, written);
            }

            return text;
        }

        return item.ToJsonString();
    }

    private static JsonNode? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? ErrorFrom(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && Property(o, "error") is JsonValue e ? e.ToString() : null;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }

    private static List<string> LogsFrom(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && Property(o, "Logs") is JsonArray logs
                ? logs.Select(l => l?.ToString() ?? string.Empty).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
