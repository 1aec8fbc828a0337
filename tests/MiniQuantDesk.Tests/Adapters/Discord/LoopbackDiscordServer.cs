using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>
/// A stand-in for Discord's REST API on 127.0.0.1 (Kestrel, port 0). Each request is recorded (multipart bodies
/// are parsed back with ASP.NET's own form reader) and answered by <see cref="Answer"/>, which sees the request
/// and its 1-based number. The default answer is Discord's: 200 with a message JSON.
/// </summary>
public sealed class LoopbackDiscordServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<DiscordRequest> requests = new();
    private int count;

    private LoopbackDiscordServer(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The REST base as the client expects it ("…/api/v10/").</summary>
    public Uri ApiBase => new(Url, "/api/v10/");

    public Func<DiscordRequest, int, DiscordReply> Answer { get; set; } = (_, n) => DiscordReply.Message($"msg-{n}");

    public IReadOnlyList<DiscordRequest> Requests => requests.ToArray();

    public Uri Webhook(string id = "111222333", string token = "webhook-token-SECRET-abc") => new(Url, $"/api/webhooks/{id}/{token}");

    public static async Task<LoopbackDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackDiscordServer(builder.Build());
        await server.app.StartAsync();
        server.Url = new Uri(server.app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        IReadOnlyDictionary<string, string> form = new Dictionary<string, string>();
        IReadOnlyList<UploadedFile> files = [];
        if (request.HasFormContentType)
        {
            var read = await request.ReadFormAsync(context.RequestAborted);
            form = read.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            var list = new List<UploadedFile>();
            foreach (var file in read.Files)
            {
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream, context.RequestAborted);
                list.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, stream.ToArray()));
            }

            files = list;
            body = "";
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var recorded = new DiscordRequest(
            request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.ContentType, body, form, files);
        requests.Enqueue(recorded);
        var reply = Answer(recorded, Interlocked.Increment(ref count));
        await reply.WriteAsync(context);
    }
}

public sealed record UploadedFile(string Name, string FileName, string ContentType, byte[] Content);

public sealed record DiscordRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyList<UploadedFile> Files);

/// <summary>One answer: status, JSON body, headers; or a stall until the client gives up.</summary>
public sealed record DiscordReply(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static DiscordReply Message(string id) => new(200, $$"""{"id":"{{id}}","channel_id":"645027906669510667","timestamp":"2024-03-04T14:31:03.110000+00:00"}""");

    public static DiscordReply TooManyRequests(double retryAfter, bool global = false, string bucket = "abcd1234") =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
            new Dictionary<string, string>
            {
                ["Retry-After"] = Math.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-RateLimit-Bucket"] = bucket,
                ["X-RateLimit-Scope"] = global ? "global" : "user",
            });

    public static DiscordReply Error(int status, int code, string message) => new(status, $$"""{"code":{{code}},"message":"{{message}}"}""");

    public static DiscordReply Never() => new(0, null, Hang: true);

    public async Task WriteAsync(HttpContext context)
    {
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, which is what the test waits for.
            }

            return;
        }

        context.Response.StatusCode = Status;
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Body);
        }
    }
}
