using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Adapters.Simulation.Faults;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// The one request delegate: admin paths; then the key check (401), an armed fault, and the Alpaca endpoints, each
/// answered under the exchange's lock after advancing it to the simulated now.
/// </summary>
internal sealed class SimRouter(
    SimExchange exchange,
    SimulatedClock clock,
    TimeProvider time,
    SimulatedFaults faults,
    SimulatedMarketOptions options,
    DateTimeOffset accountCreatedAt)
{
    private static readonly SimError Unauthorized = new(401, 40110000, "request is not authorized");

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var admin = path.StartsWith(AdminRoutes.Prefix, StringComparison.Ordinal);
        if (!admin && !Authorized(context.Request))
        {
            await WriteAsync(context, SimResponse.Error(Unauthorized));
            return;
        }

        if (!admin && faults.Match(method, path) is { } fault)
        {
            var answer = await ApplyFaultAsync(context, fault);
            if (answer is null)
            {
                return;
            }

            if (answer != Continue)
            {
                await WriteAsync(context, answer);
                return;
            }
        }

        JsonElement? body = null;
        if (context.Request.ContentLength is > 0 || method is "POST" or "PATCH")
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                await WriteAsync(context, SimResponse.Error(SimError.BadRequest("request body format is invalid")));
                return;
            }
        }

        SimResponse response;
        lock (exchange.Gate)
        {
            var now = clock.Now(time);
            exchange.Advance(now);
            var request = new SimRequest(method, path, context.Request.Query, body, exchange.Now);
            response = (admin
                    ? AdminRoutes.Handle(exchange, request, clock, faults)
                    : OrderRoutes.Handle(exchange, request)
                      ?? TradingRoutes.Handle(exchange, request, accountCreatedAt)
                      ?? MarketDataRoutes.Handle(exchange, request))
                ?? SimResponse.NotFound($"no endpoint {method} {path} on the simulated market");
        }

        await WriteAsync(context, response);
    }

    private static readonly SimResponse Continue = new(0, null);

    /// <summary>The fault's answer; <see cref="Continue"/> to answer normally (after a delay); null when the request is over.</summary>
    private async Task<SimResponse?> ApplyFaultAsync(HttpContext context, SimulatedFault fault)
    {
        switch (fault.Kind)
        {
            case SimulatedFaultKind.Drop:
                context.Abort();
                return null;
            case SimulatedFaultKind.Slow:
                try
                {
                    await Task.Delay(fault.Delay, time, context.RequestAborted);
                    return Continue;
                }
                catch (OperationCanceledException)
                {
                    return null; // the client gave up first
                }

            case SimulatedFaultKind.RateLimit:
                var reset = (long)Math.Ceiling((time.GetUtcNow() + fault.RateLimitReset).ToUnixTimeMilliseconds() / 1000.0);
                return SimResponse.Error(new SimError(429, 42910000, "rate limit exceeded")) with
                {
                    Headers = new Dictionary<string, string>
                    {
                        ["X-RateLimit-Limit"] = "200",
                        ["X-RateLimit-Remaining"] = "0",
                        ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture),
                    },
                };
            case SimulatedFaultKind.ServerError:
                return SimResponse.Error(new SimError(500, 50010000, "internal server error"));
            default:
                return SimResponse.Error(fault.RejectStatus == 403
                    ? SimError.Forbidden(fault.RejectMessage ?? "insufficient buying power")
                    : SimError.Invalid(fault.RejectMessage ?? "order rejected by the simulated market"));
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var keyId = request.Headers["APCA-API-KEY-ID"].ToString();
        var secret = request.Headers["APCA-API-SECRET-KEY"].ToString();
        if (keyId.Length == 0 || secret.Length == 0)
        {
            return false;
        }

        return string.IsNullOrEmpty(options.KeyId) || (keyId == options.KeyId && secret == options.SecretKey);
    }

    private static async Task WriteAsync(HttpContext context, SimResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is { } body)
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
