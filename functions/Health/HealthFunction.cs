using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: storage, broker, age of the last bar tick, poisoned messages and the kill switch, each
/// checked in parallel under its own timeout. 200 when every check passes, 503 naming the failing ones.
/// </summary>
public sealed class HealthFunction(DeskStateStore state, IBrokerProbe broker, DeskSettings settings, TimeProvider time, PoisonQueues poison) : IHttpFunction
{
    public string Name => "Health";

    public async Task<HttpResponseData> HandleAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken)
    {
        var timeout = settings.Health.CheckTimeout;
        var storageCheck = HealthCheck.RunAsync(state.ReadFlagsAsync, timeout, TimeProvider.System, cancellationToken);
        var brokerCheck = HealthCheck.RunAsync(broker.ProbeAsync, timeout, TimeProvider.System, cancellationToken);
        var tickCheck = HealthCheck.RunAsync(state.ReadLastTickAsync, timeout, TimeProvider.System, cancellationToken);
        var poisonCheck = HealthCheck.RunAsync(poison.ReadAsync, timeout, TimeProvider.System, cancellationToken);
        await Task.WhenAll(storageCheck, brokerCheck, tickCheck, poisonCheck);

        var now = time.GetUtcNow();
        var failing = new List<string>();
        var checks = new JsonObject();

        var storage = storageCheck.Result;
        checks["storage"] = Describe(storage.Ok, storage.Error, storage.Elapsed);
        if (!storage.Ok)
        {
            failing.Add("storage");
        }

        var brokerResult = brokerCheck.Result;
        var brokerOk = brokerResult.Ok && brokerResult.Value is { Reachable: true };
        var brokerNode = Describe(brokerOk, brokerResult.Error ?? brokerResult.Value?.Error, brokerResult.Elapsed);
        brokerNode["marketOpen"] = brokerResult.Value?.MarketOpen;
        checks["broker"] = brokerNode;
        if (!brokerOk)
        {
            failing.Add("broker");
        }

        var tick = tickCheck.Result;
        var lastTick = tick.Value;
        var age = lastTick is { } at ? now - at : (TimeSpan?)null;
        var marketOpen = brokerResult.Value?.MarketOpen == true;
        // A quiet feed only matters while the market is open: overnight there is nothing to poll.
        var tickStale = marketOpen && (age is null || age > settings.Desk.TickStaleAfter);
        var tickNode = Describe(tick.Ok && !tickStale, tick.Error ?? (tickStale ? $"no bar tick for more than {settings.Desk.TickStaleAfter.TotalSeconds:0} s while the market is open" : null), tick.Elapsed);
        tickNode["lastTickAt"] = lastTick?.ToString("O", CultureInfo.InvariantCulture);
        tickNode["ageSeconds"] = age is { } a ? Math.Round(a.TotalSeconds, 1) : null;
        checks["lastTick"] = tickNode;
        if (!tick.Ok || tickStale)
        {
            failing.Add("lastTick");
        }

        // A poisoned message is work the desk did not do and nothing will retry: unhealthy until a person clears it.
        var poisoned = poisonCheck.Result;
        var poisonedCount = poisoned.Value?.Sum(q => q.Depth) ?? 0;
        var poisonNode = Describe(poisoned.Ok && poisonedCount == 0, poisoned.Error ?? (poisonedCount > 0 ? $"{poisonedCount} message(s) failed every delivery and wait in a poison queue" : null), poisoned.Elapsed);
        var depths = new JsonObject();
        foreach (var queue in poisoned.Value ?? [])
        {
            depths[queue.PoisonQueue] = queue.Depth;
        }

        poisonNode["queues"] = depths;
        checks["poison"] = poisonNode;
        if (!poisoned.Ok || poisonedCount > 0)
        {
            failing.Add("poison");
        }

        checks["killSwitch"] = new JsonObject
        {
            ["ok"] = storage.Ok,
            ["engaged"] = storage.Value?.KillSwitch,
            ["tradingEnabled"] = storage.Value?.TradingEnabled,
        };

        var failingArray = new JsonArray();
        failing.ForEach(f => failingArray.Add(f));
        var body = new JsonObject
        {
            ["status"] = failing.Count == 0 ? "healthy" : "unhealthy",
            ["version"] = typeof(HealthFunction).Assembly.GetName().Version?.ToString(3),
            ["checkedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["failing"] = failingArray,
            ["checks"] = checks,
        };
        return HttpResponseData.Json(failing.Count == 0 ? 200 : 503, body.ToJsonString());
    }

    private static JsonObject Describe(bool ok, string? error, TimeSpan elapsed) => new()
    {
        ["ok"] = ok,
        ["error"] = error,
        ["ms"] = Math.Round(elapsed.TotalMilliseconds, 1),
    };
}
