namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>The HttpClient the static factories use: pooled connections recycled so DNS changes are seen.</summary>
internal static class DiscordHttp
{
    /// <summary>Discord asks every REST request for this form of User-Agent (spec, introduction).</summary>
    public const string UserAgent = "DiscordBot (https://github.com/miniquantdesk/miniquantdesk, 0.1.0)";

    public static HttpClient CreateClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        // The transport owns every time limit; HttpClient's own 100 s would only blur them.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
