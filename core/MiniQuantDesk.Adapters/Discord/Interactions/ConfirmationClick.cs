using System.Globalization;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>A click on a <see cref="PendingConfirmation"/> button, read back from its custom_id.</summary>
public sealed record ConfirmationClick(string Command, bool Confirmed, string? Argument, DateTimeOffset ExpiresAt, string Nonce)
{
    public bool IsExpiredAt(DateTimeOffset now) => now > ExpiresAt;

    /// <summary>Null when <paramref name="customId"/> is not one of our confirmation buttons.</summary>
    public static ConfirmationClick? TryParse(string? customId)
    {
        var parts = customId?.Split(':');
        if (parts is not { Length: 4 or 5 }
            || parts[0].Length == 0
            || parts[1] is not ("confirm" or "cancel")
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || parts[3].Length == 0)
        {
            return null;
        }

        return new ConfirmationClick(parts[0], parts[1] == "confirm", parts.Length == 5 ? parts[4] : null,
            DateTimeOffset.FromUnixTimeSeconds(expires), parts[3]);
    }
}
