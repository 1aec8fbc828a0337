using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Adapters.Simulation.Faults;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// <c>/_sim/…</c>: the simulated market's own controls (no keys, never faulted): the clock, a state dump, fault
/// injection and splits.
/// </summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_sim/";

    public static SimResponse? Handle(SimExchange exchange, SimRequest request, SimulatedClock clock, SimulatedFaults faults) =>
        (request.Method, request.Path) switch
        {
            ("GET", "/_sim/clock") => Clock(exchange, request, clock),
            ("GET", "/_sim/state") => State(exchange, request),
            ("POST", "/_sim/faults") => InjectFault(request, faults),
            ("DELETE", "/_sim/faults") => ClearFaults(faults),
            ("POST", "/_sim/splits") => Split(exchange, request),
            _ => null,
        };

    private static SimResponse Clock(SimExchange exchange, SimRequest request, SimulatedClock clock) => SimResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("now", AlpacaWire.Time(request.Now));
        w.WriteString("now_eastern", EasternTime.Format(request.Now));
        w.WriteBoolean("is_open", exchange.Calendar.IsOpen(request.Now));
        w.WriteString("real_epoch", AlpacaWire.Time(clock.RealEpoch));
        w.WriteString("market_epoch", AlpacaWire.Time(clock.MarketEpoch));
        w.WriteString("speed", clock.Speed.ToString(CultureInfo.InvariantCulture));
        w.WriteString("setting", clock.Format());
        w.WriteEndObject();
    });

    private static SimResponse State(SimExchange exchange, SimRequest request) => SimResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("now", AlpacaWire.Time(request.Now));
        w.WriteString("cash", AlpacaWire.Money(exchange.Book.Cash));
        w.WriteString("equity", AlpacaWire.Money(exchange.Book.Equity));
        w.WriteString("buying_power", AlpacaWire.Money(exchange.BuyingPower));
        w.WriteStartArray("positions");
        foreach (var holding in exchange.Book.Holdings)
        {
            AlpacaWire.Position(w, exchange, holding);
        }

        w.WriteEndArray();
        w.WriteStartArray("orders");
        foreach (var order in exchange.Orders)
        {
            AlpacaWire.Order(w, order, nested: false);
        }

        w.WriteEndArray();
        w.WriteStartArray("fills");
        foreach (var fill in exchange.Fills)
        {
            AlpacaWire.Fill(w, fill);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>
    /// Body: <c>{"kind":"rate_limit|server_error|slow|drop|reject_order","count":2}</c> or <c>"probability":0.1</c>,
    /// optional <c>path_prefix</c>, <c>delay_ms</c>, <c>reset_seconds</c>, <c>status</c> (403/422), <c>message</c>.
    /// </summary>
    private static SimResponse InjectFault(SimRequest request, SimulatedFaults faults)
    {
        if (request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return SimResponse.Error(SimError.BadRequest("a fault is a JSON object"));
        }

        var kind = JsonFields.String(body, "kind") switch
        {
            "rate_limit" => SimulatedFaultKind.RateLimit,
            "server_error" => SimulatedFaultKind.ServerError,
            "slow" => SimulatedFaultKind.Slow,
            "drop" => SimulatedFaultKind.Drop,
            "reject_order" => (SimulatedFaultKind?)SimulatedFaultKind.RejectOrder,
            _ => null,
        };
        if (kind is null)
        {
            return SimResponse.Invalid("kind must be rate_limit, server_error, slow, drop or reject_order");
        }

        var (count, countError) = JsonFields.Decimal(body, "count");
        var (probability, probabilityError) = JsonFields.Decimal(body, "probability");
        var (delayMs, delayError) = JsonFields.Decimal(body, "delay_ms");
        var (resetSeconds, resetError) = JsonFields.Decimal(body, "reset_seconds");
        var (status, statusError) = JsonFields.Decimal(body, "status");
        if ((countError ?? probabilityError ?? delayError ?? resetError ?? statusError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        var defaults = new SimulatedFault { Kind = kind.Value };
        var fault = defaults with
        {
            Count = count is { } c ? (int)c : null,
            Probability = probability is { } p ? (double)p : null,
            PathPrefix = JsonFields.String(body, "path_prefix"),
            Delay = delayMs is { } d ? TimeSpan.FromMilliseconds((double)d) : defaults.Delay,
            RateLimitReset = resetSeconds is { } r ? TimeSpan.FromSeconds((double)r) : defaults.RateLimitReset,
            RejectStatus = status is { } s ? (int)s : defaults.RejectStatus,
            RejectMessage = JsonFields.String(body, "message"),
        };
        var problems = fault.Validate();
        if (problems.Count > 0)
        {
            return SimResponse.Invalid(string.Join("; ", problems));
        }

        faults.Inject(fault);
        return SimResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("armed", faults.ArmedCount);
            w.WriteEndObject();
        });
    }

    private static SimResponse ClearFaults(SimulatedFaults faults)
    {
        faults.Clear();
        return SimResponse.NoContent;
    }

    /// <summary>Body: <c>{"symbol":"AAPL","ratio":"4"}</c> (4-for-1; 0.5 = 1-for-2 reverse split).</summary>
    private static SimResponse Split(SimExchange exchange, SimRequest request)
    {
        if (request.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return SimResponse.Error(SimError.BadRequest("a split is a JSON object"));
        }

        var symbol = JsonFields.String(body, "symbol");
        var (ratio, ratioError) = JsonFields.Decimal(body, "ratio");
        if (string.IsNullOrWhiteSpace(symbol) || !exchange.Tape.Has(symbol))
        {
            return SimResponse.Invalid($"symbol must be one the market replays, was '{symbol}'");
        }

        if (ratioError is not null || ratio is not > 0m)
        {
            return SimResponse.Invalid(ratioError ?? "ratio must be > 0");
        }

        exchange.ApplySplit(symbol, ratio.Value);
        return SimResponse.NoContent;
    }
}
