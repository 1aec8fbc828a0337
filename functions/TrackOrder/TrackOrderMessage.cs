using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.TrackOrder;

/// <summary>A delayed "look at this order again" message; <see cref="Attempt"/> drives the back-off.</summary>
public sealed record TrackOrderMessage(string ClientOrderId, int Attempt)
{
    public static TrackOrderMessage Parse(QueueTrigger message)
    {
        var json = message.ParseJson();
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("clientOrderId", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
        {
            throw new InvalidInvocationException("a track-order message needs 'clientOrderId'");
        }

        if (Orders.OrderIntentMessage.KeyProblem("clientOrderId", id.GetString()!) is { } problem)
        {
            throw new InvalidInvocationException(problem);
        }

        var attempt = json.TryGetProperty("attempt", out var a) && int.TryParse(a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
        return new TrackOrderMessage(id.GetString()!, Math.Max(1, attempt));
    }
}
