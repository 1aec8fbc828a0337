using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>
/// Sends <see cref="DiscordCall"/>s: waits out known rate limits before sending, honours 429s, retries 5xx,
/// timeouts and dropped connections a bounded number of times with doubling back-off, limits every attempt to
/// <see cref="DiscordOptions.AttemptTimeout"/>, and turns every outcome into a <see cref="DiscordDelivery"/>.
/// Calls on one route go one at a time, in order, so the desk does not race itself into 429s; interaction follow-ups
/// do not queue (spec §5: limits are per webhook id + token, so each interaction is its own resource, and one reply
/// waiting out its back-off must not hold up the trader's other answers; a 429 on one blocks that interaction only).
/// All waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DiscordTransport(HttpClient http, DiscordOptions options, TimeProvider time, ILogger logger)
{
    // 429s do not count as failures, but a server that only ever answers 429 with retry_after 0 must still end.
    private const int MaxRateLimitedAttempts = 50;
    private const int MaxReasonLength = 300;
    private readonly RateLimitBuckets buckets = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> routeGates = new(StringComparer.Ordinal);

    public DiscordOptions Options => options;

    public async Task<DiscordDelivery> SendAsync(DiscordCall call, CancellationToken cancellationToken)
    {
        if (call.Resource is not null)
        {
            return await SendWithRetriesAsync(call, cancellationToken).ConfigureAwait(false);
        }

        var routeGate = routeGates.GetOrAdd(call.Route, _ => new SemaphoreSlim(1, 1));
        await routeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendWithRetriesAsync(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            routeGate.Release();
        }
    }

    private async Task<DiscordDelivery> SendWithRetriesAsync(DiscordCall call, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var failures = 0;
        var rateLimited = 0;
        var waited = TimeSpan.Zero;
        while (true)
        {
            var wait = buckets.WaitBefore(call.Route, call.Resource, time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                if (waited + wait > options.MaxRateLimitWait || rateLimited >= MaxRateLimitedAttempts)
                {
                    DiscordLog.RateLimitGaveUp(logger, call.Route, wait);
                    return new DiscordDelivery.RateLimitedGaveUp(wait, attempts);
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                waited += wait;
            }

            attempts++;
            var outcome = await AttemptAsync(call, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == HttpStatusCode.TooManyRequests)
            {
                rateLimited++;
                var (retryAfter, global, bucket) = buckets.OnTooManyRequests(call.Route, call.Resource, outcome.Response!, outcome.Body, time.GetUtcNow());
                DiscordLog.RateLimited(logger, call.Route, bucket, global, retryAfter);
                outcome.Response!.Dispose();
                continue;
            }

            using var response = outcome.Response;
            if (response is not null)
            {
                buckets.Observe(call.Route, call.Resource, response.Headers, time.GetUtcNow());
            }

            if (response is { IsSuccessStatusCode: true })
            {
                return new DiscordDelivery.Delivered(MessageIdOf(outcome.Body), attempts);
            }

            var transient = response is null || (int)response.StatusCode >= 500;
            var (code, reason) = response is null ? (null, outcome.Error!) : ErrorOf(response.StatusCode, outcome.Body);
            reason = Scrub(reason, call);
            if (!transient || failures >= options.MaxRetries)
            {
                DiscordLog.Failed(logger, call.Route, (int?)response?.StatusCode, reason);
                return new DiscordDelivery.Failed((int?)response?.StatusCode, reason, code, attempts);
            }

            var backOff = options.RetryBaseDelay * Math.Pow(2, failures);
            failures++;
            DiscordLog.Retrying(logger, call.Route, attempts, response is null ? reason : $"HTTP {(int)response.StatusCode}", backOff);
            await Task.Delay(backOff, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> AttemptAsync(DiscordCall call, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(call.Method, call.Url) { Content = call.Content() };
        request.Headers.UserAgent.ParseAdd(DiscordHttp.UserAgent);
        if (call.BotToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", call.BotToken);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            var status = response.StatusCode;
            return new Attempt(status, response, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            return new Attempt(null, null, [], $"no answer within {options.AttemptTimeout}");
        }
        catch (HttpRequestException ex)
        {
            response?.Dispose();
            return new Attempt(null, null, [], $"connection failed: {ex.Message}");
        }
    }

    private static string? MessageIdOf(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                   && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Discord's <c>{"code": 50035, "message": "Invalid Form Body"}</c>, or the raw text when not JSON.</summary>
    private static (int? Code, string Reason) ErrorOf(HttpStatusCode status, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                var errors = root.TryGetProperty("errors", out var e) ? " " + e.GetRawText() : "";
                return (code, Cap(message.GetString() + errors));
            }
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy's page, plain text): keep the text itself.
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return (null, text.Length == 0 ? $"HTTP {(int)status} with no body" : Cap(text));
    }

    private static string Cap(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";

    private static string Scrub(string text, DiscordCall call) =>
        DiscordRedaction.Scrub(text, [call.Url.AbsoluteUri, call.BotToken, .. call.Secrets]);

    private sealed record Attempt(HttpStatusCode? Status, HttpResponseMessage? Response, byte[] Body, string? Error);
}
