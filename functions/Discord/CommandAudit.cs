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
    /// <summary>
    /// What a command came to, as recorded for interaction <paramref name="interactionId"/>: null when nothing was
    /// recorded (the command did not finish). Tokens last 15 minutes, so yesterday is read too just after midnight.
    /// </summary>
    public async Task<string?> FindOutcomeAsync(string interactionId, DateTimeOffset now, CancellationToken ct)
    {
        var id = $"discord:{interactionId}";
        var days = now.TimeOfDay < TimeSpan.FromMinutes(20) ? new[] { now, now.AddDays(-1) } : [now];
        foreach (var day in days)
        {
            var entry = (await log.ReadDayAsync(day, ct)).LastOrDefault(e => e["id"]?.ToString() == id);
            if (entry is not null)
            {
                return entry["outcome"]?.ToString() ?? "done";
            }
        }

        return null;
    }

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
        await storage.SendAsync(DeskQueues.Notifications, notification.ToJsonString(), null, ct);
    }
}
