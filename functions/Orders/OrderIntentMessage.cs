using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// An order intent on the <c>order-intents</c> queue. Money travels as decimal text; a message that does
/// not read as a complete, sane intent is refused whole (it goes to poison, nothing is placed).
/// </summary>
public static class OrderIntentMessage
{
    public static JsonObject ToJson(OrderIntent intent)
    {
        var json = new JsonObject
        {
            ["kind"] = "order-intent",
            ["intentId"] = intent.IntentId,
            ["symbol"] = intent.Symbol,
            ["side"] = intent.Side.ToString(),
            ["qty"] = Text(intent.Quantity),
            ["type"] = intent.Type.ToString(),
            ["limitPrice"] = intent.LimitPrice is { } l ? Text(l) : null,
            ["barTime"] = intent.BarTime.ToString("O", CultureInfo.InvariantCulture),
            ["strategySet"] = intent.StrategySet,
            ["referencePrice"] = Text(intent.ReferencePrice),
        };
        if (intent.Protection is { } p)
        {
            json["stopLoss"] = p.StopLossPrice is { } s ? Text(s) : null;
            json["takeProfit"] = p.TakeProfitPrice is { } t ? Text(t) : null;
        }

        return json;
    }

    public static OrderIntent Parse(QueueTrigger message) => Parse(message.ParseJson());

    public static OrderIntent Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("an order intent must be a JSON object");
        }

        var id = Required(json, "intentId");
        if (id.Length is 0 or > 48)
        {
            throw new InvalidInvocationException($"intentId must be 1-48 characters (it is the broker's client_order_id), was {id.Length}");
        }

        if (KeyProblem("intentId", id) is { } problem)
        {
            throw new InvalidInvocationException(problem);
        }

        var symbol = Required(json, "symbol");
        if (!Configuration.DeskOptions.IsTicker(symbol.ToUpperInvariant()))
        {
            // It keys bar queries and table rows: a 20,000-character "symbol" made storage refuse the request (431).
            throw Bad("symbol", "a US stock ticker (a letter, then up to 9 letters, digits or '.')");
        }

        var side = Enum.TryParse<OrderSide>(Required(json, "side"), ignoreCase: true, out var s) ? s : throw Bad("side", "Buy or Sell");
        var type = Enum.TryParse<OrderType>(Optional(json, "type") ?? nameof(OrderType.Market), ignoreCase: true, out var t) ? t : throw Bad("type", "Market or Limit");
        var quantity = Money(json, "qty") ?? throw Bad("qty", "a positive number");
        if (quantity <= 0)
        {
            throw Bad("qty", "a positive number");
        }

        var limit = Money(json, "limitPrice");
        if (type == OrderType.Limit && limit is not > 0)
        {
            throw Bad("limitPrice", "a positive price for a limit order");
        }

        var barTime = DateTimeOffset.TryParse(Required(json, "barTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : throw Bad("barTime", "an ISO time");
        var reference = Money(json, "referencePrice") ?? throw Bad("referencePrice", "a positive price");
        var stop = Money(json, "stopLoss");
        var take = Money(json, "takeProfit");
        var protection = stop is null && take is null ? null : new ProtectiveExit(stop, take);
        return new OrderIntent(id, symbol.ToUpperInvariant(), side, quantity, type, limit, at, Optional(json, "strategySet") ?? "unknown", reference, protection);
    }

    public static string? ProtectionJson(OrderIntent intent) => intent.Protection is null
        ? null
        : new JsonObject
        {
            ["stopLoss"] = intent.Protection.StopLossPrice is { } s ? Text(s) : null,
            ["takeProfit"] = intent.Protection.TakeProfitPrice is { } t ? Text(t) : null,
        }.ToJsonString();

    /// <summary>
    /// An order id keys table rows: '/', '\\', '#', '?' and control characters are not allowed there, and storage would
    /// answer with a server error instead of a refusal.
    /// </summary>
    public static string? KeyProblem(string field, string id) =>
        id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            ? $"{field} must not contain '/', '\\', '#', '?' or control characters (it keys the order's table row)"
            : null;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Required(JsonElement json, string name) =>
        Optional(json, name) is { Length: > 0 } value ? value : throw new InvalidInvocationException($"an order intent needs '{name}'");

    private static string? Optional(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Money(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(name, "a decimal number");
    }

    private static InvalidInvocationException Bad(string field, string expected) => new($"order intent field '{field}' must be {expected}");
}
