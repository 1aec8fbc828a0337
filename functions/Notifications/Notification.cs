using System.Globalization;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.Notifications;

/// <summary>
/// One notification on the <c>notifications</c> queue. <see cref="Id"/> is deterministic from what happened,
/// so a handler that runs twice produces the same id and NotifyDiscord can send it once.
/// </summary>
public sealed record Notification(string Id, string Kind, string Title, string Text, DateTimeOffset At)
{
    public JsonObject ToJson() => new()
    {
        ["kind"] = "notification",
        ["id"] = Id,
        ["event"] = Kind,
        ["title"] = Title,
        ["text"] = Text,
        ["at"] = At.ToString("O", CultureInfo.InvariantCulture),
    };
}
