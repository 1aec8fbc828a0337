using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;

namespace MiniQuantDesk.Functions.NotifyDiscord;

/// <summary>
/// Puts a notification Discord could not take right now back on the queue, invisible until Discord said to come
/// back (429 <c>retry_after</c>) or a back-off (5xx, timeout) has passed, with its attempt count raised. This
/// spends no dequeue count, so a long rate limit delays notifications without losing them; after
/// <see cref="MaxAttempts"/> the caller fails the message and the host moves it to <c>notifications-poison</c>.
/// With the back-off capped at 10 minutes, 160 attempts span more than a day: a Discord that is down for a whole
/// session and the night after still gets every notification when it returns.
/// </summary>
public sealed class NotificationRetryQueue(StorageAccount storage)
{
    public const int MaxAttempts = 160;
    public const string AttemptField = "deliveryAttempt";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    public static int AttemptOf(JsonObject message) =>
        message[AttemptField] is JsonValue v && int.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Clamp(attempt, 0, 10))));

    public async Task ScheduleAsync(JsonObject message, TimeSpan delay, CancellationToken ct)
    {
        var next = (JsonObject)message.DeepClone();
        next[AttemptField] = (AttemptOf(message) + 1).ToString(CultureInfo.InvariantCulture);
        var visibility = delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > MaxDelay ? MaxDelay : delay;
        await storage.SendAsync(DeskQueues.Notifications, next.ToJsonString(), visibility, ct);
    }
}
