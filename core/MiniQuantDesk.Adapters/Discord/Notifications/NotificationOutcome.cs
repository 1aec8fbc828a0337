namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>The route taken and, when it was sent, what Discord made of it.</summary>
public sealed record NotificationOutcome(NotificationRoute Route, DiscordDelivery? Delivery)
{
    /// <summary>Nothing left to do: delivered, or deliberately not sent (off / log only).</summary>
    public bool Done => Route.Disposition != NotificationDisposition.Send || Delivery is DiscordDelivery.Delivered;
}
