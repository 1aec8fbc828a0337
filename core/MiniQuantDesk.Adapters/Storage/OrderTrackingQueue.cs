using System.Globalization;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Adapters.Storage;

/// <summary>
/// Delayed messages to TrackOrder: the durable timers of the order lifecycle. Output bindings cannot
/// delay a message, so these go through the SDK with an initial visibility timeout.
/// </summary>
public sealed class OrderTrackingQueue(StorageAccount storage)
{
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(attempt, 0, 6))));

    public async Task ScheduleAsync(string clientOrderId, int attempt, TimeSpan delay, string? traceParent, CancellationToken ct)
    {
        var message = new JsonObject
        {
            ["kind"] = "track-order",
            ["clientOrderId"] = clientOrderId,
            ["attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
            ["traceparent"] = traceParent,
        };
        await storage.SendAsync(DeskQueues.OrderTracking, message.ToJsonString(), delay, ct);
    }
}
