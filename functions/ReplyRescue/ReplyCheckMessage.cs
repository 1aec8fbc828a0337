using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Functions.Discord.Replies;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.ReplyRescue;

/// <summary>A delayed "was the reply to this interaction delivered?" message (see <see cref="ReplyCheckQueue"/>).</summary>
public sealed record ReplyCheckMessage(string InteractionId, DateTimeOffset? ExpiresAt)
{
    public JsonObject ToJson() => new()
    {
        ["kind"] = "reply-check",
        ["interactionId"] = InteractionId,
        ["expiresAt"] = ExpiresAt?.ToString("O", CultureInfo.InvariantCulture),
    };

    public static ReplyCheckMessage Parse(QueueTrigger message)
    {
        var json = message.ParseJson();
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("interactionId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInvocationException("a reply-check message needs 'interactionId'");
        }

        if (!PendingReplyLedger.IsKey(id.GetString()))
        {
            throw new InvalidInvocationException("'interactionId' must be 1 to 64 ASCII letters or digits (a Discord snowflake)");
        }

        DateTimeOffset? expires = json.TryGetProperty("expiresAt", out var e) && e.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return new ReplyCheckMessage(id.GetString()!, expires);
    }
}
