namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>
/// One request to Discord. <see cref="Route"/> names it in logs and keys its rate-limit bucket and holds no secret
/// ("POST webhooks/123"); <see cref="Secrets"/> are scrubbed from every text that leaves the transport.
/// <see cref="Content"/> is called once per attempt (a sent HttpContent cannot be sent again). <see cref="InOrder"/>
/// queues the call behind others on its route; interaction follow-ups opt out (their limits are per interaction token).
/// <see cref="Resource"/> names the call's own top-level resource for rate limits (a digest, never the token itself).
/// </summary>
internal sealed record DiscordCall(
    HttpMethod Method,
    Uri Url,
    string Route,
    Func<HttpContent?> Content,
    string? BotToken,
    IReadOnlyList<string> Secrets,
    bool InOrder = true,
    string? Resource = null);
