using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Notifications;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>
/// Writes every state-changing Discord command to the transaction log with the user id, what was typed and
/// what came of it, and tells the system channel (a "command" notification, silent by default). The router
/// calls it for every such command, so no handler can forget.
/// </summary>
public sealed class CommandAudit(TransactionLog log, StorageAccount storage)
{
    public async Task RecordAsync(string interactionId, string userId, string command, string outcome, DateTimeOffset at, CancellationToken ct)
    {
        var id = $"discord:{interactionId}";
        await log.AppendAsync(new JsonObject
        {
            ["id"] = id,
            ["kind"] = "discord-command",
            ["user"] = userId,
            ["command"] = command,
            ["outcome"] = outcome,
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
        }, at, ct);
        var notification = new Notification(id, "command", command, $"by <@{userId}>: {outcome}", at).ToJson();
        var queue = storage.Queue(DeskQueues.Notifications);
        try
        {
            await queue.SendMessageAsync(notification.ToJsonString(), ct);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await queue.SendMessageAsync(notification.ToJsonString(), ct);
        }
    }
}
