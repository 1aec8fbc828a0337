using System.Globalization;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>
/// How long a 429 asks us to wait: until <c>X-RateLimit-Reset</c> (Unix epoch seconds) plus a second of margin,
/// or <c>Retry-After</c> (seconds or an HTTP date); the longer of the two when both are sent. Null when neither
/// is readable, so the caller falls back to its own back-off.
/// </summary>
internal static class RateLimitWait
{
    public static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        TimeSpan? wait = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            var untilReset = DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - now + ResetMargin;
            wait = wait is { } other && other > untilReset ? other : untilReset;
        }

        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
