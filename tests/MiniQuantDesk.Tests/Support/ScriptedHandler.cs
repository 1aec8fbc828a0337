using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Support;

/// <summary>
/// A custom handler on real loopback HTTP whose answers a test scripts. It lets the local host be
/// tested as the Functions host is: against any server that speaks the invocation protocol.
/// </summary>
public sealed class ScriptedHandler : IAsyncDisposable
{
    private readonly WebApplication _web;

    private ScriptedHandler(WebApplication web) => _web = web;

    public ConcurrentQueue<(string Function, JsonObject Body, Dictionary<string, string> Headers)> Received { get; } = new();

    public Func<string, JsonObject, (int Status, JsonObject Answer)> Answer { get; set; } =
        (_, _) => (200, new JsonObject { ["Outputs"] = new JsonObject(), ["Logs"] = new JsonArray(), ["ReturnValue"] = null });

    public Uri BaseAddress => new(_web.Urls.First() + "/");

    public IHandlerEndpoint Endpoint => new ExternalHandler(BaseAddress);

    public static async Task<ScriptedHandler> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var handler = new ScriptedHandler(web);
        web.MapGet("/", () => "scripted");
        web.MapPost("/{name}", async (string name, HttpContext http) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body))!;
            handler.Received.Enqueue((name, body, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            var (status, answer) = handler.Answer(name, body);
            return Results.Text(answer.ToJsonString(), "application/json", statusCode: status);
        });
        await web.StartAsync();
        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
