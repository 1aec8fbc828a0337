using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.NotifyDiscord;

/// <summary>
/// One message of the <c>notifications</c> queue: <c>{kind:"notification", id, event, title, text, at}</c> as
/// <see cref="Notifications.Notification"/> writes it, optionally with <c>fields: [{name, value, inline?}]</c>.
/// A message that is not one is refused with the field named (it lands in the poison queue).
/// </summary>
public sealed record NotificationMessage(string Id, string Event, string Title, string Text, DateTimeOffset At, IReadOnlyList<EmbedField> Fields)
{
    public static NotificationMessage Parse(QueueTrigger message)
    {
        JsonObject json;
        try
        {
            // Duplicate names are refused at parse time: JsonObject would otherwise throw on first access.
            json = JsonNode.Parse(message.Text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw new InvalidInvocationException("notification is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"notification is not JSON: {ex.Message}");
        }

        string Required(string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new InvalidInvocationException($"notification has no '{name}'");

        if (json["kind"]?.ToString() != "notification")
        {
            throw new InvalidInvocationException("notification 'kind' must be \"notification\"");
        }

        var atText = Required("at");
        if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            throw new InvalidInvocationException($"notification 'at' is not an ISO 8601 instant: '{atText}'");
        }

        var fields = (json["fields"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => new EmbedField(f["name"]?.ToString() ?? "", f["value"]?.ToString() ?? "", f["inline"] is JsonValue i && i.TryGetValue<bool>(out var b) && b))
            .Where(f => f.Name.Length > 0 && f.Value.Length > 0)
            .ToList();
        return new NotificationMessage(Required("id"), Required("event"), json["title"]?.ToString() ?? "", json["text"]?.ToString() ?? "", at, fields);
    }

    public DiscordMessage ToDiscord(int color) => DiscordMessage.Of(new DiscordEmbed
    {
        Title = Title.Length > 0 ? Title : Event,
        Description = Text.Length > 0 ? Text : null,
        Color = color,
        Timestamp = At,
        Fields = Fields,
        FooterText = Event,
    });
}
