using System.Diagnostics;
using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>
/// W3C trace context carried inside queue messages (Storage Queues have no message headers), so the
/// timer → queue → queue → broker path of one minute is one trace.
/// </summary>
public static class QueueTraceContext
{
    public const string PropertyName = "traceparent";

    public static ActivityContext? From(string messageText)
    {
        try
        {
            using var document = JsonDocument.Parse(messageText);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(PropertyName, out var value)
                && value.ValueKind == JsonValueKind.String
                && ActivityContext.TryParse(value.GetString(), null, out var context))
            {
                return context;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the function itself will refuse the message with a clear reason.
        }

        return null;
    }
}
