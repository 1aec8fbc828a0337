using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Adapters.Simulation.Discord;

/// <summary>
/// A loopback stand-in for Discord's webhook endpoint (<c>POST …/webhooks/{id}/{token}</c>, JSON or multipart with
/// <c>payload_json</c>) for the fault campaign: it answers 200 with a message object, or, as armed, 429 with
/// <c>Retry-After</c>, <c>retry_after</c> and the <c>X-RateLimit-*</c> headers, or 500 — each request drawn from one
/// seeded Random. <see cref="Down"/> refuses everything (an outage for a whole session). Every accepted post is kept
/// by the message id it was given, so a campaign can check a notification reached Discord, and only once.
/// </summary>
public sealed class SimulatedDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Random _random;
    private readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _replyIds = new(StringComparer.Ordinal);
    private int _posts;
    private int _rateLimited;
    private int _serverErrors;
    private int _next;

    private SimulatedDiscord(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
        app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The REST base the desk's Discord client expects (<c>Discord:ApiBaseUrl</c>).</summary>
    public Uri ApiBase => new(BaseAddress, "api/v10/");

    /// <summary>Chance that a post is answered 429 (retry after <see cref="RetryAfter"/>).</summary>
    public double RateLimitProbability { get; set; }

    /// <summary>Chance that a post is answered 500.</summary>
    public double ServerErrorProbability { get; set; }

    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>While true every post is answered 503: Discord is down.</summary>
    public bool Down { get; set; }

    public int Posts => Volatile.Read(ref _posts);

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>Accepted posts by the message id Discord gave back: the JSON payload as posted.</summary>
    public IReadOnlyDictionary<string, string> Accepted => _accepted;

    /// <summary>Interaction replies completed (an accepted <c>PATCH …/webhooks/{app}/{token}/messages/@original</c>), by interaction token: the last payload.</summary>
    public IReadOnlyDictionary<string, string> Replies => _replies;

    /// <summary>Message ids of <see cref="Accepted"/> entries that were interaction replies rather than channel posts.</summary>
    public bool IsReply(string messageId) => _replyIds.ContainsKey(messageId);

    public Uri Webhook(string id, string token) => new(BaseAddress, $"api/webhooks/{id}/{Uri.EscapeDataString(token)}");

    public static async Task<SimulatedDiscord> StartAsync(int seed, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var discord = new SimulatedDiscord(builder.Build(), seed);
        await discord._app.StartAsync(ct).ConfigureAwait(false);
        discord.BaseAddress = new Uri(discord._app.Urls.Single().TrimEnd('/') + "/");
        return discord;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method)) || !(request.Path.Value ?? "").Contains("/webhooks/", StringComparison.Ordinal))
        {
            await WriteAsync(context.Response, 404, """{"message":"Unknown Webhook","code":10015}""");
            return;
        }

        Interlocked.Increment(ref _posts);
        string payload;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            payload = form["payload_json"].ToString();
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            payload = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        double draw;
        lock (_random)
        {
            draw = _random.NextDouble();
        }

        if (Down)
        {
            Interlocked.Increment(ref _serverErrors);
            await WriteAsync(context.Response, 503, """{"message":"Service Unavailable","code":0}""");
            return;
        }

        if (draw < RateLimitProbability)
        {
            Interlocked.Increment(ref _rateLimited);
            var after = RetryAfter.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var headers = context.Response.Headers;
            headers["Retry-After"] = Math.Ceiling(RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Limit"] = "5";
            headers["X-RateLimit-Remaining"] = "0";
            headers["X-RateLimit-Reset-After"] = after;
            headers["X-RateLimit-Bucket"] = "sim-webhook";
            headers["X-RateLimit-Scope"] = "shared";
            await WriteAsync(context.Response, 429, $$"""{"message":"You are being rate limited.","retry_after":{{after}},"global":false}""");
            return;
        }

        if (draw < RateLimitProbability + ServerErrorProbability)
        {
            Interlocked.Increment(ref _serverErrors);
            await WriteAsync(context.Response, 500, """{"message":"500: Internal Server Error","code":0}""");
            return;
        }

        var id = "9" + Interlocked.Increment(ref _next).ToString("D17", CultureInfo.InvariantCulture);
        _accepted[id] = payload;
        if (ReplyToken(request) is { } token)
        {
            _replyIds[id] = 0;
            _replies[token] = payload;
        }

        await WriteAsync(context.Response, 200, $$"""{"id":"{{id}}","type":0,"channel_id":"100000000000000000","timestamp":"{{DateTimeOffset.UnixEpoch:O}}"}""");
    }

    /// <summary>The interaction token of <c>PATCH /api/v10/webhooks/{application}/{token}/messages/@original</c>, else null.</summary>
    private static string? ReplyToken(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        const string Original = "/messages/@original";
        if (!HttpMethods.IsPatch(request.Method) || !path.EndsWith(Original, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[..^Original.Length].Split('/');
        return segments.Length >= 2 && segments[^2].Length > 0 ? Uri.UnescapeDataString(segments[^1]) : null;
    }

    private static async Task WriteAsync(HttpResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(json).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
