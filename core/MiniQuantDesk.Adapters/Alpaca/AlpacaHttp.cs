namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>The HttpClient the static factories use: pooled connections recycled so DNS changes are seen.</summary>
internal static class AlpacaHttp
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        // The resilience pipeline owns every time limit; HttpClient's own 100 s would only blur them.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
