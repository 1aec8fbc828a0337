namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>
/// One request to Discord. <see cref="Route"/> names it in logs and keys its rate-limit bucket and holds no secret
/// ("POST webhooks/123"); <see cref="Secrets"/> are scrubbed from every text that leaves the transport.
/// <see cref="Content"/> is called once per attempt (a sent HttpContent cannot be sent again). <see cref="Resource"/>
/// names the call's own top-level resource (an interaction, by a digest of its token, never the token itself): its
/// rate limits are its own and it does not queue behind other calls on its route.
/// </summary>
internal sealed record DiscordCall(
    HttpMethod Method,
    Uri Url,
    string Route,
    Func<HttpContent?> Content,
    string? BotToken,
    IReadOnlyList<string> Secrets,
    string? Resource = null);
