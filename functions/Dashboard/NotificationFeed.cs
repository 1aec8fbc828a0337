using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// Recent notifications, rebuilt from the transaction log: the notifications queue is consumed by NotifyDiscord
/// and cannot be read back, but every notification the desk raises comes from an event it also logs (an order
/// reported new, a fill, an order's end, a risk refusal, drift, an adopted order, a command).
/// </summary>
public static class NotificationFeed
{
    public const int Count = 30;

    public static JsonObject Build(IReadOnlyList<JsonObject> log, IReadOnlyList<StoredOrder> orders)
    {
        var byId = orders.ToDictionary(o => o.Record.ClientOrderId, o => o.Record, StringComparer.Ordinal);
        var items = log.Select(e => Describe(e, byId)).OfType<JsonObject>().Reverse().Take(Count);
        return new JsonObject { ["items"] = DashboardJson.Array(items), ["source"] = "transaction log" };
    }

    private static JsonObject? Describe(JsonObject e, IReadOnlyDictionary<string, OrderRecord> orders)
    {
        var kind = e["kind"]?.ToString();
        string? S(string name) => e[name]?.ToString();
        (string Kind, string Title, string Text)? note = kind switch
        {
            "order-transition" => OrderNote(e, orders),
            "risk-rejection" => ("risk-rejection", $"Refused {S("symbol")} ({S("intentId")})", S("reason") ?? ""),
            "drift" => ("drift", $"Position drift on {S("symbol")}", $"desk {S("desk")}, broker {S("broker")}: not traded, please check"),
            "order-adopted" => ("order-adopted", $"Adopted {S("symbol")} order", $"broker order {S("brokerOrderId")} ({S("clientOrderId")})"),
            "command" => ("command", $"{S("command")} by {S("user")}", S("detail") ?? ""),
            _ => null,
        };
        return note is { } n
            ? new JsonObject { ["at"] = S("at"), ["kind"] = n.Kind, ["title"] = n.Title, ["text"] = n.Text }
            : null;
    }

    private static (string, string, string)? OrderNote(JsonObject e, IReadOnlyDictionary<string, OrderRecord> orders)
    {
        var id = e["clientOrderId"]?.ToString() ?? "";
        var order = orders.GetValueOrDefault(id);
        var what = order is null ? id : $"{order.Side} {order.Quantity} {order.Symbol}";
        var to = e["to"]?.ToString();
        if (e["fillQty"]?.ToString() is { Length: > 0 } qty)
        {
            return ("order-filled", $"Filled {qty} of {what} @ {e["fillPrice"]}", $"order {id} is {to}");
        }

        if (to is nameof(OrderStatus.New) && e["from"]?.ToString() != to)
        {
            return ("order-placed", what, $"order {id} is New at the broker");
        }

        return to is nameof(OrderStatus.Canceled) or nameof(OrderStatus.Expired) or nameof(OrderStatus.Rejected) or nameof(OrderStatus.Abandoned) && e["from"]?.ToString() != to
            ? ("order-closed", $"{what}: {to}", $"order {id} ended {to} with {e["filledQty"]} filled")
            : null;
    }
}
