using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// Reads <c>POST /v2/orders</c> and <c>PATCH /v2/orders/{id}</c> bodies into requests, refusing what Alpaca refuses
/// (422 with the generic validation code) and what the simulated market does not model (notional, trailing stops,
/// OCO, extended hours, opg/cls), naming the field.
/// </summary>
internal static class OrderRequestReader
{
    public const int MaxClientOrderIdLength = 128;

    private static readonly string[] Types = ["market", "limit", "stop", "stop_limit"];
    private static readonly string[] TimesInForce = ["day", "gtc", "ioc", "fok"];

    public static (SimOrderRequest? Request, SimError? Error) ReadSubmit(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, SimError.BadRequest("request body format is invalid"));
        }

        var symbol = JsonFields.String(body, "symbol");
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return Fail("symbol is required");
        }

        var (qty, qtyError) = JsonFields.Decimal(body, "qty");
        var (notional, notionalError) = JsonFields.Decimal(body, "notional");
        var (limit, limitError) = JsonFields.Decimal(body, "limit_price");
        var (stop, stopError) = JsonFields.Decimal(body, "stop_price");
        if ((qtyError ?? notionalError ?? limitError ?? stopError) is { } numberError)
        {
            return Fail(numberError);
        }

        if (notional is not null)
        {
            return Fail(qty is null ? "notional orders are not supported by the simulated market; send qty" : "qty and notional cannot both be set");
        }

        if (qty is not { } shares || shares <= 0m)
        {
            return Fail(qty is null ? "qty is required" : "qty must be > 0");
        }

        var side = JsonFields.String(body, "side") switch
        {
            "buy" => OrderSide.Buy,
            "sell" => (OrderSide?)OrderSide.Sell,
            _ => null,
        };
        if (side is null)
        {
            return Fail($"invalid side: '{JsonFields.String(body, "side")}' (buy or sell)");
        }

        var type = JsonFields.String(body, "type") ?? "";
        if (!Types.Contains(type))
        {
            return Fail($"invalid type: '{type}' (the simulated market takes market, limit, stop, stop_limit)");
        }

        var tif = JsonFields.String(body, "time_in_force") ?? "";
        if (!TimesInForce.Contains(tif))
        {
            return Fail($"invalid time_in_force: '{tif}' (the simulated market takes day, gtc, ioc, fok)");
        }

        if (type is "limit" or "stop_limit" && limit is not > 0m)
        {
            return Fail($"limit_price is required (> 0) for {type} orders");
        }

        if (type is "stop" or "stop_limit" && stop is not > 0m)
        {
            return Fail($"stop_price is required (> 0) for {type} orders");
        }

        if (JsonFields.Bool(body, "extended_hours") == true)
        {
            return Fail("extended_hours orders are not supported by the simulated market");
        }

        var clientOrderId = JsonFields.String(body, "client_order_id");
        if (clientOrderId is { Length: > MaxClientOrderIdLength })
        {
            return Fail($"client_order_id must be no more than {MaxClientOrderIdLength} characters");
        }

        return ReadClass(body, new SimOrderRequest(symbol, shares, side.Value, type, tif, type is "limit" or "stop_limit" ? limit : null,
            type is "stop" or "stop_limit" ? stop : null, string.IsNullOrEmpty(clientOrderId) ? null : clientOrderId, "", null, null, null));
    }

    public static (SimReplaceRequest? Request, SimError? Error) ReadReplace(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, SimError.BadRequest("request body format is invalid"));
        }

        var (qty, qtyError) = JsonFields.Decimal(body, "qty");
        var (limit, limitError) = JsonFields.Decimal(body, "limit_price");
        var (stop, stopError) = JsonFields.Decimal(body, "stop_price");
        if ((qtyError ?? limitError ?? stopError) is { } numberError)
        {
            return (null, SimError.Invalid(numberError));
        }

        if (qty is <= 0m || limit is <= 0m || stop is <= 0m)
        {
            return (null, SimError.Invalid("qty, limit_price and stop_price must be > 0"));
        }

        var tif = JsonFields.String(body, "time_in_force");
        if (tif is not null && !TimesInForce.Contains(tif))
        {
            return (null, SimError.Invalid($"invalid time_in_force: '{tif}'"));
        }

        var clientOrderId = JsonFields.String(body, "client_order_id");
        return clientOrderId is { Length: > MaxClientOrderIdLength }
            ? (null, SimError.Invalid($"client_order_id must be no more than {MaxClientOrderIdLength} characters"))
            : (new SimReplaceRequest(qty, tif, limit, stop, string.IsNullOrEmpty(clientOrderId) ? null : clientOrderId), null);
    }

    private static (SimOrderRequest?, SimError?) ReadClass(JsonElement body, SimOrderRequest request)
    {
        var orderClass = JsonFields.String(body, "order_class") ?? "";
        if (orderClass is "" or "simple")
        {
            return (request, null);
        }

        if (orderClass is not ("bracket" or "oto"))
        {
            return Fail($"order_class '{orderClass}' is not supported by the simulated market (simple, bracket, oto)");
        }

        decimal? takeProfit = null, stopLoss = null, stopLossLimit = null;
        if (body.TryGetProperty("take_profit", out var tp) && tp.ValueKind == JsonValueKind.Object)
        {
            (takeProfit, var error) = JsonFields.Decimal(tp, "limit_price", "take_profit.limit_price");
            if (error is not null)
            {
                return Fail(error);
            }
        }

        if (body.TryGetProperty("stop_loss", out var sl) && sl.ValueKind == JsonValueKind.Object)
        {
            (stopLoss, var error) = JsonFields.Decimal(sl, "stop_price", "stop_loss.stop_price");
            (stopLossLimit, var limitError) = JsonFields.Decimal(sl, "limit_price", "stop_loss.limit_price");
            if ((error ?? limitError) is { } e)
            {
                return Fail(e);
            }
        }

        if (orderClass == "bracket" && (takeProfit is null || stopLoss is null))
        {
            return Fail("bracket orders require take_profit.limit_price and stop_loss.stop_price");
        }

        if (orderClass == "oto" && (takeProfit is null) == (stopLoss is null))
        {
            return Fail("oto orders require exactly one of take_profit and stop_loss");
        }

        if (request.Side == OrderSide.Sell)
        {
            return Fail("the simulated market trades long only: a sell entry cannot carry exit legs");
        }

        if (request.TimeInForce is not ("day" or "gtc"))
        {
            return Fail($"{orderClass} orders require time_in_force day or gtc");
        }

        if (takeProfit is <= 0m || stopLoss is <= 0m || (takeProfit is { } t && stopLoss is { } s && s >= t))
        {
            return Fail("stop_loss.stop_price must be > 0 and below take_profit.limit_price");
        }

        return (request with { OrderClass = orderClass, TakeProfitLimitPrice = takeProfit, StopLossStopPrice = stopLoss, StopLossLimitPrice = stopLossLimit }, null);
    }

    private static (SimOrderRequest?, SimError?) Fail(string message) => (null, SimError.Invalid(message));
}
