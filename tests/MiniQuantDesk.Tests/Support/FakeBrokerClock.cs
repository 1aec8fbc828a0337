using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Tests.Support;

/// <summary>
/// A loopback server answering Alpaca's <c>GET /v2/clock</c> (shape from the trading OpenAPI document),
/// checking the key headers, and able to be slow or to fail.
/// </summary>
public sealed class FakeBrokerClock : IAsyncDisposable
{
    private readonly WebApplication _web;

    private FakeBrokerClock(WebApplication web) => _web = web;

    public bool IsOpen { get; set; }

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int Status { get; set; } = 200;

    public Uri BaseAddress => new(_web.Urls.First());

    public static async Task<FakeBrokerClock> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var web = builder.Build();
        var clock = new FakeBrokerClock(web);
        web.MapGet("/v2/clock", async (HttpContext http) =>
        {
            if (clock.Delay > TimeSpan.Zero)
            {
                await Task.Delay(clock.Delay, http.RequestAborted);
            }

            if (string.IsNullOrEmpty(http.Request.Headers["APCA-API-KEY-ID"]) || string.IsNullOrEmpty(http.Request.Headers["APCA-API-SECRET-KEY"]))
            {
                return Results.Json(new { code = 40110000, message = "request is not authorized" }, statusCode: 401);
            }

            return clock.Status != 200
                ? Results.Json(new { code = 50010000, message = "internal server error" }, statusCode: clock.Status)
                : Results.Text($$"""{"timestamp":"2026-11-24T10:00:00.000-05:00","is_open":{{(clock.IsOpen ? "true" : "false")}},"next_open":"2026-11-24T09:30:00-05:00","next_close":"2026-11-24T16:00:00-05:00"}""", "application/json");
        });
        await web.StartAsync();
        return clock;
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
