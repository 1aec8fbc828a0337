using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// The public face of HTTP triggers on loopback: <c>/{routePrefix}/{route}</c> with the function's methods.
/// Forwarded functions get the raw request (exact bytes) proxied; the others get the JSON envelope and
/// their <c>res</c> output turned back into a response.
/// </summary>
public sealed class HttpFrontEnd(AppRoot app, InvocationSender sender, HttpClient proxy, IHandlerEndpoint handler, TimeProvider time)
{
    private WebApplication? _web;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        HandlerServer.ConfigureLogging(builder.Logging);
        _web = builder.Build();
        foreach (var function in app.Functions.Where(f => f.Kind == TriggerKind.Http))
        {
            var pattern = string.IsNullOrEmpty(app.Host.RoutePrefix) ? $"/{function.HttpRoute}" : $"/{app.Host.RoutePrefix}/{function.HttpRoute}";
            var methods = function.Trigger.Methods is { Count: > 0 } m ? m : ["GET", "POST"];
            var forwarded = function.IsForwardedHttp(app.Host.EnableForwardingHttpRequest);
            _web.MapMethods(pattern, methods, (HttpContext http) => forwarded ? ForwardAsync(http) : EnvelopeAsync(function, http));
        }

        await _web.StartAsync(ct);
        var address = _web.Urls.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task StopAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }
    }

    private async Task ForwardAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        try
        {
            // Like invocations: a handler being restarted is waited for, not answered 502. A refused connection sent
            // nothing, so it is safe to wait for the restart and send once more.
            var bytes = body.ToArray();
            await handler.WaitUntilRunningAsync(InvocationSender.RestartPatience, http.RequestAborted);
            using var response = await SendForwardedAsync(http, bytes) ?? await WaitThenSendAsync(http, bytes);
            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            await WriteError(http, 502, $"the handler is not answering: {ex.Message}");
        }
    }

    private async Task<HttpResponseMessage> WaitThenSendAsync(HttpContext http, byte[] body)
    {
        await handler.WaitUntilRunningAsync(InvocationSender.RestartPatience, http.RequestAborted);
        return await SendForwardedAsync(http, body, retryRefused: false) ?? throw new HttpRequestException("the handler refused the connection");
    }

    /// <summary>Proxies the request; null when the handler refused the connection (nothing reached it) and <paramref name="retryRefused"/>.</summary>
    private async Task<HttpResponseMessage?> SendForwardedAsync(HttpContext http, byte[] body, bool retryRefused = true)
    {
        var target = new Uri(handler.BaseAddress, http.Request.Path + http.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var header in http.Request.Headers)
        {
            if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        request.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        try
        {
            return await proxy.SendAsync(request, http.RequestAborted);
        }
        catch (HttpRequestException ex) when (retryRefused && ex.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
        {
            return null;
        }
    }

    private async Task EnvelopeAsync(FunctionDefinition function, HttpContext http)
    {
        string? bodyText = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.ContainsKey("Content-Length"))
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            bodyText = await reader.ReadToEndAsync(http.RequestAborted);
        }

        var request = new HttpEnvelopeRequest(
            $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}{http.Request.QueryString}",
            http.Request.Method,
            http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
            bodyText);
        var outcome = await sender.SendAsync(function, InvocationPayloads.Http(function.Name, function.Trigger.Name, request, time.GetUtcNow()), null, http.RequestAborted);
        if (!outcome.Succeeded)
        {
            await WriteError(http, 500, outcome.Error ?? "the function failed");
            return;
        }

        var res = outcome.HttpOutput;
        http.Response.StatusCode = res?["statusCode"] is JsonValue code && int.TryParse(code.ToString(), out var status) ? status : 200;
        if (res?["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                http.Response.Headers[name] = value?.ToString();
            }
        }

        var body = res?["body"] switch
        {
            JsonValue text when text.TryGetValue<string>(out var s) => s,
            JsonNode node => node.ToJsonString(),
            null => string.Empty,
        };
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    private static async Task WriteError(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["error"] = message }.ToJsonString());
    }
}
