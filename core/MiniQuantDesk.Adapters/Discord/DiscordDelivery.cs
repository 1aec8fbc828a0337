namespace MiniQuantDesk.Adapters.Discord;

/// <summary>
/// What became of one call to Discord. HTTP errors, timeouts and outages are values, never exceptions, so a
/// Discord problem cannot crash the desk; only the caller's own cancellation throws.
/// </summary>
public abstract record DiscordDelivery(int Attempts)
{
    public bool IsDelivered => this is Delivered;

    /// <summary>Discord accepted it; <see cref="MessageId"/> is the created or edited message, when Discord returned one.</summary>
    public sealed record Delivered(string? MessageId, int Attempts) : DiscordDelivery(Attempts);

    /// <summary>
    /// Not sent: the rate limit asks for a longer wait than <c>Discord:MaxRateLimitWait</c> allows.
    /// Try again after <see cref="RetryAfter"/> (a queue message's visibility delay) — nothing is lost.
    /// </summary>
    public sealed record RateLimitedGaveUp(TimeSpan RetryAfter, int Attempts) : DiscordDelivery(Attempts);

    /// <summary>
    /// Refused or unreachable. <see cref="Status"/> is null when no HTTP answer came (timeout, connection);
    /// <see cref="DiscordCode"/> is Discord's JSON error code when it sent one. <see cref="Reason"/> holds no secret.
    /// </summary>
    public sealed record Failed(int? Status, string Reason, int? DiscordCode, int Attempts) : DiscordDelivery(Attempts)
    {
        /// <summary>404 on a webhook: it was deleted; stop using it (repeated 404s get the IP restricted).</summary>
        public bool WebhookGone => Status == 404;

        /// <summary>Worth trying again later (5xx, timeout, connection), as opposed to a request Discord refuses.</summary>
        public bool Transient => Status is null or >= 500;
    }
}
