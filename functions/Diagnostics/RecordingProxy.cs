using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using MiniQuantDesk.Functions.Hosting;

namespace MiniQuantDesk.Functions.Diagnostics;

/// <summary>
/// A loopback reverse proxy that records every request passing through it (when, method, path) and forwards
/// it unchanged. Put in front of Azurite it counts storage transactions; in front of the broker it stamps
/// the moment an order arrives. For measurements only; never on a production path.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private RecordingProxy(WebApplication web) => _web = web;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress => new(_web.Urls.First());

    public int Port => BaseAddress.Port;

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        HandlerServer.ConfigureLogging(builder.Logging);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var web = builder.Build();
        var proxy = new RecordingProxy(web);
        web.Run(http => proxy.ForwardAsync(http, target));
        await web.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext http, Uri target)
    {
        Requests.Enqueue(new RecordedRequest(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, http.Request.Method, http.Request.Path.Value ?? "/"));
        var uri = new Uri(target, http.Request.Path.Value + http.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), uri);
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var header in http.Request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        request.Headers.Host = $"{target.Host}:{target.Port}";
        using var response = await _forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        _forward.Dispose();
    }
}

public sealed record RecordedRequest(long Timestamp, DateTimeOffset At, string Method, string Path);
