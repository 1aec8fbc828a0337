using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Functions.Reconcile;

/// <summary>
/// Whether the work a poisoned message asked for was done anyway — by another copy of it (a duplicate delivery, a
/// second instance) or by its own last attempt before its host died — judged only from the desk's own records, and
/// conservatively: anything not proven done is work not done, and a person hears of it.
/// </summary>
public static class PoisonedWork
{
    /// <summary>What the records say: each known order's status (by client order id), the intents risk refused, the last minute evaluated, the notifications Discord took; and the time of the triage.</summary>
    public sealed record Facts(IReadOnlyDictionary<string, OrderStatus> Orders, IReadOnlySet<string> RefusedIntents, DateTimeOffset? LastEvaluatedMinute, IReadOnlySet<string>? DeliveredNotifications = null, DateTimeOffset? Now = null);

    /// <summary>A string field of a message body, or null when the body is not a JSON object or has no such string.</summary>
    public static string? FieldOf(string text, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why the work is known done, or null when it is not.</summary>
    public static string? DoneBecause(string queue, string text, Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return queue switch
            {
                DeskQueues.OrderIntents when Text("intentId") is { Length: > 0 } intent =>
                    // An order the broker answered for (or a final one) is carried from here by its own tracking; one still
                    // Intended, Submitting or Unresolved is the very work the poisoned intent left half done.
                    facts.Orders.TryGetValue(intent, out var status) && status is not (OrderStatus.Intended or OrderStatus.Submitting or OrderStatus.Unresolved)
                        ? $"intent {intent} has its order ({status})"
                    : facts.RefusedIntents.Contains(intent) ? $"intent {intent} was refused by risk (recorded)"
                    : null,
                DeskQueues.OrderTracking when Text("clientOrderId") is { Length: > 0 } order =>
                    facts.Orders.TryGetValue(order, out var status) && OrderTransitionTable.IsTerminal(status) ? $"order {order} is final ({status})" : null,
                // A tick only says "evaluate up to this minute"; a later evaluation covers it (the desk ignores older ticks).
                DeskQueues.BarTicks when Text("minute") is { } m && DateTimeOffset.TryParse(m, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var minute)
                    && facts.LastEvaluatedMinute is { } last && last >= minute =>
                    $"minute {minute:HH:mm}Z was evaluated (last evaluated {last:HH:mm}Z)",
                DeskQueues.Notifications when Text("id") is { Length: > 0 } id && facts.DeliveredNotifications?.Contains(id) == true =>
                    $"notification {id} was delivered",
                // Past its interaction token's life nothing more can be posted for a reply check, by anyone.
                DeskQueues.DiscordReplies when Text("expiresAt") is { } e && DateTimeOffset.TryParse(e, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
                    && facts.Now is { } now && now >= expires =>
                    $"the interaction token of reply check {Text("interactionId")} expired at {expires:HH:mm}Z",
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
