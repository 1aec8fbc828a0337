using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>
/// What Discord's rate-limit headers said (spec §5), remembered per bucket: a route is blocked until its bucket
/// resets once <c>X-RateLimit-Remaining</c> reached 0 (<c>X-RateLimit-Reset-After</c> seconds, no clock skew), or
/// for a 429's <c>retry_after</c>; a global 429 blocks every route. Routes that report the same
/// <c>X-RateLimit-Bucket</c> share one block. A call may name its own top-level resource (an interaction's token,
/// digested): its blocks are then its own, as Discord keeps them per webhook id + token. Thread-safe.
/// </summary>
internal sealed class RateLimitBuckets
{
    private const string GlobalKey = "(global)";

    // Blocks of per-interaction resources pile up (one per token that met a limit); expired ones go past this many.
    private const int PruneAbove = 256;
    private readonly object gate = new();
    private readonly Dictionary<string, string> bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> blockedUntil = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="route"/> must wait before its next request (zero when free).</summary>
    public TimeSpan WaitBefore(string route, string? resource, DateTimeOffset now)
    {
        lock (gate)
        {
            var until = Until(GlobalKey);
            var own = Until(BucketKey(route, resource));
            if (own > until)
            {
                until = own;
            }

            return until > now ? until - now : TimeSpan.Zero;
        }
    }

    /// <summary>Reads the bucket headers of any response; blocks the bucket when none are left.</summary>
    public void Observe(string route, string? resource, HttpResponseHeaders headers, DateTimeOffset now)
    {
        lock (gate)
        {
            if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } bucket)
            {
                bucketOfRoute[route] = bucket;
            }

            if (Header(headers, "X-RateLimit-Remaining") == "0" && Seconds(Header(headers, "X-RateLimit-Reset-After")) is { } resetAfter)
            {
                Block(BucketKey(route, resource), now + resetAfter, now);
            }
        }
    }

    /// <summary>
    /// The wait a 429 asks for: the body's <c>retry_after</c> (float seconds), else the <c>Retry-After</c> header,
    /// else the bucket's reset; one second when none is readable. Records it, globally when Discord says so.
    /// </summary>
    public (TimeSpan Wait, bool Global, string Bucket) OnTooManyRequests(string route, string? resource, HttpResponseMessage response, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var (bodyWait, bodyGlobal) = ReadBody(body);
        var wait = bodyWait
                   ?? response.Headers.RetryAfter?.Delta
                   ?? Seconds(Header(response.Headers, "X-RateLimit-Reset-After"))
                   ?? TimeSpan.FromSeconds(1);
        var global = bodyGlobal || string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        lock (gate)
        {
            if (Header(response.Headers, "X-RateLimit-Bucket") is { Length: > 0 } bucket)
            {
                bucketOfRoute[route] = bucket;
            }

            var key = global ? GlobalKey : BucketKey(route, resource);
            Block(key, now + wait, now);
            return (wait, global, key);
        }
    }

    private void Block(string key, DateTimeOffset until, DateTimeOffset now)
    {
        if (until > Until(key))
        {
            blockedUntil[key] = until;
        }

        if (blockedUntil.Count > PruneAbove)
        {
            foreach (var expired in blockedUntil.Where(b => b.Value <= now).Select(b => b.Key).ToList())
            {
                blockedUntil.Remove(expired);
            }
        }
    }

    private DateTimeOffset Until(string key) => blockedUntil.TryGetValue(key, out var until) ? until : DateTimeOffset.MinValue;

    // Discord's buckets are per route *and* top-level resource: the route already names the webhook id.
    private string BucketKey(string route, string? resource)
    {
        var named = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var key = bucketOfRoute.TryGetValue(route, out var bucket) ? bucket + "@" + named : route;
        return resource is null ? key : key + "#" + resource;
    }

    private static (TimeSpan? Wait, bool Global) ReadBody(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, false);
            }

            TimeSpan? wait = root.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var s) && s >= 0 && s < 86400
                ? TimeSpan.FromSeconds(s)
                : null;
            var global = root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
            return (wait, global);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s < 86400
            ? TimeSpan.FromSeconds(s)
            : null;
}
