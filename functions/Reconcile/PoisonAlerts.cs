using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Notifications;

namespace MiniQuantDesk.Functions.Reconcile;

/// <summary>
/// Turns what the poison queues hold into notifications a person sees on the phone: one per poisoned message, with an
/// id from the message so Reconcile can say it every run and NotifyDiscord still sends it once. A poisoned
/// notification is not announced with another notification (that could chain); /api/health shows it instead.
/// </summary>
public static class PoisonAlerts
{
    public const string Event = "message-poisoned";

    public static IReadOnlyList<Notification> Compose(IEnumerable<PoisonedQueue> poisoned, DateTimeOffset now) =>
        [.. poisoned.Where(q => q.Queue != DeskQueues.Notifications)
            .SelectMany(q => q.Oldest.Select(m => new Notification(
                $"poison:{q.PoisonQueue}:{m.MessageId}",
                Event,
                $"Work not done: a message in {q.PoisonQueue}",
                $"{Describe(q.Queue, m.Text)} failed every delivery{At(m.InsertedOn)} and will not be retried. "
                + $"{q.Depth.ToString(CultureInfo.InvariantCulture)} message(s) in {q.PoisonQueue}: read the function's log, then clear the queue (README, Poison queues).",
                now)))];

    /// <summary>What the message asked for, in trading words where it is an order intent; never its raw text.</summary>
    public static string Describe(string queue, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"A {queue} message";
            }

            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Clip(v.ToString()) : null;
            return queue == DeskQueues.OrderIntents && Field("symbol") is { } symbol
                ? $"Order intent {Field("side")} {Field("qty")} {symbol} (id {Field("intentId")}, bar {Field("barTime")})"
                : $"A {queue} message{(Field("kind") is { } kind ? $" ({kind})" : "")}";
        }
        catch (JsonException)
        {
            return $"A {queue} message that is not JSON";
        }
    }

    private static string At(DateTimeOffset? inserted) => inserted is { } at ? $" (poisoned {at.ToString("u", CultureInfo.InvariantCulture)})" : "";

    private static string Clip(string value) => value.Length <= 48 ? value : value[..48] + "…";
}
