using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>The <c>/v2/orders</c> endpoints (spec §4–§7).</summary>
internal static class OrderRoutes
{
    public const string ByClientOrderIdPath = "/v2/orders:by_client_order_id";

    public static SimResponse? Handle(SimExchange exchange, SimRequest request)
    {
        var (method, path) = (request.Method, request.Path);
        if (path == "/v2/orders")
        {
            return method switch
            {
                "POST" => Submit(exchange, request),
                "GET" => List(exchange, request),
                "DELETE" => CancelAll(exchange),
                _ => null,
            };
        }

        if (path == ByClientOrderIdPath && method == "GET")
        {
            return request.Q("client_order_id") is { } cid && exchange.FindByClientOrderId(cid) is { } byCid
                ? SimResponse.Json(200, w => AlpacaWire.Order(w, byCid, nested: true))
                : SimResponse.NotFound("order not found");
        }

        if (!path.StartsWith("/v2/orders/", StringComparison.Ordinal))
        {
            return null;
        }

        var id = Uri.UnescapeDataString(path["/v2/orders/".Length..]);
        if (!Guid.TryParse(id, out _))
        {
            return SimResponse.Invalid($"invalid order id: '{id}'");
        }

        switch (method)
        {
            case "GET":
                return exchange.Find(id) is { } order
                    ? SimResponse.Json(200, w => AlpacaWire.Order(w, order, request.Flag("nested")))
                    : SimResponse.NotFound($"order not found for {id}");
            case "DELETE":
                return exchange.CancelOrder(id) is { } error ? SimResponse.Error(error) : SimResponse.NoContent;
            case "PATCH":
                if (request.Body is not { } body)
                {
                    return SimResponse.Error(SimError.BadRequest("request body format is invalid"));
                }

                var (patch, patchError) = OrderRequestReader.ReadReplace(body);
                if (patchError is not null)
                {
                    return SimResponse.Error(patchError);
                }

                var (replacement, replaceError) = exchange.Replace(id, patch!);
                return replaceError is not null
                    ? SimResponse.Error(replaceError)
                    : SimResponse.Json(200, w => AlpacaWire.Order(w, replacement!, nested: true));
            default:
                return null;
        }
    }

    private static SimResponse Submit(SimExchange exchange, SimRequest request)
    {
        if (request.Body is not { } body)
        {
            return SimResponse.Error(SimError.BadRequest("request body format is invalid"));
        }

        var (parsed, parseError) = OrderRequestReader.ReadSubmit(body);
        if (parseError is not null)
        {
            return SimResponse.Error(parseError);
        }

        var (order, error) = exchange.Submit(parsed!);
        return error is not null ? SimResponse.Error(error) : SimResponse.Json(200, w => AlpacaWire.Order(w, order!, nested: true));
    }

    private static SimResponse List(SimExchange exchange, SimRequest request)
    {
        var status = request.Q("status") ?? "open";
        if (status is not ("open" or "closed" or "all"))
        {
            return SimResponse.Invalid($"invalid status: '{status}' (open, closed or all)");
        }

        var (limit, limitError) = request.Int("limit", 50, 1, 500);
        var (after, afterError) = request.Instant("after");
        var (until, untilError) = request.Instant("until");
        var direction = request.Q("direction") ?? "desc";
        if ((limitError ?? afterError ?? untilError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        if (direction is not ("asc" or "desc"))
        {
            return SimResponse.Invalid($"invalid direction: '{direction}' (asc or desc)");
        }

        var side = request.Q("side");
        var symbols = request.List("symbols");
        var nested = request.Flag("nested");
        bool Matches(SimOrder o) => status switch
        {
            "open" => o.IsOpen || (nested && o.Legs.Any(l => l.IsOpen)),
            "closed" => !o.IsOpen,
            _ => true,
        };

        var selected = exchange.Orders
            .Where(o => !nested || !o.IsLeg)
            .Where(Matches)
            .Where(o => after is null || o.SubmittedAt > after)
            .Where(o => until is null || o.SubmittedAt < until)
            .Where(o => symbols.Count == 0 || symbols.Contains(o.Symbol))
            .Where(o => side is null || (side == "buy") == (o.Side == OrderSide.Buy))
            .OrderBy(o => o.SubmittedAt).ThenBy(o => o.Sequence)
            .ToList();
        if (direction == "desc")
        {
            selected.Reverse();
        }

        var page = selected.Take(limit).ToList();
        return SimResponse.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var order in page)
            {
                AlpacaWire.Order(w, order, nested);
            }

            w.WriteEndArray();
        });
    }

    private static SimResponse CancelAll(SimExchange exchange)
    {
        var canceled = exchange.CancelAllOrders();
        return SimResponse.Json(207, w =>
        {
            w.WriteStartArray();
            foreach (var order in canceled)
            {
                w.WriteStartObject();
                w.WriteString("id", order.Id);
                w.WriteNumber("status", 200);
                w.WritePropertyName("body");
                AlpacaWire.Order(w, order, nested: false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
