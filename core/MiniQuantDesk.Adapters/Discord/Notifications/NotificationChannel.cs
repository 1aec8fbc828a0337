namespace MiniQuantDesk.Adapters.Discord.Notifications;

/// <summary>The four Discord channels the desk posts to, one webhook each (<c>Discord:Webhooks:System</c> ...).</summary>
public enum NotificationChannel
{
    System,
    Trading,
    Risk,
    Daily,
}
