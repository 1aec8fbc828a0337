namespace MiniQuantDesk.Adapters.Storage;

/// <summary>The queues of the minute, in the order a bar travels through them.</summary>
public static class DeskQueues
{
    public const string BarTicks = "bar-ticks";
    public const string OrderIntents = "order-intents";
    public const string OrderTracking = "order-tracking";
    public const string Notifications = "notifications";

    /// <summary>Delayed checks that a deferred Discord reply was delivered; the rescue of one a crash left unsent.</summary>
    public const string DiscordReplies = "discord-replies";

    public static IReadOnlyList<string> All { get; } = [BarTicks, OrderIntents, OrderTracking, Notifications, DiscordReplies];
}
