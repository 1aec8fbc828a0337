using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>
/// A stand-in for Alpaca on 127.0.0.1 (Kestrel, port 0): answers each "METHOD /path" with scripted replies in
/// order (the last one repeats) and records exactly what the client sent.
/// </summary>
public sealed class LoopbackAlpacaServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Queue<Reply>> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private LoopbackAlpacaServer(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public static async Task<LoopbackAlpacaServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new LoopbackAlpacaServer(builder.Build());
        await server.app.StartAsync();
        server.Url = new Uri(server.app.Urls.Single());
        return server;
    }

    /// <summary>Replies for one route, in order; the last reply answers every later request too.</summary>
    public LoopbackAlpacaServer On(string method, string path, params Reply[] replies)
    {
        scripts[method + " " + path] = new Queue<Reply>(replies);
        return this;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        requests.Enqueue(recorded);

        var reply = NextReply(recorded.Method + " " + recorded.Path)
            ?? Reply.Json(404, """{"code":40410000,"message":"no script for this route"}""");
        await reply.WriteAsync(context);
    }

    private Reply? NextReply(string route)
    {
        if (!scripts.TryGetValue(route, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            return queue.Count > 1 ? queue.Dequeue() : queue.Count == 1 ? queue.Peek() : null;
        }
    }
}

public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);

/// <summary>One scripted answer: a status, a body, headers, or no answer at all (until the client gives up).</summary>
public sealed record Reply(int Status, string? Body, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static Reply Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);

    public static Reply Fixture(int status, string name) => new(status, AlpacaFixtures.Read(name));

    public static Reply Empty(int status) => new(status, null);

    /// <summary>Accepts the request and never answers, like a stalled broker.</summary>
    public static Reply Never() => new(0, null, Hang: true);

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

public static class AlpacaFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "alpaca", name));
}
