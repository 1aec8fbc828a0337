using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.BarPoll;
using MiniQuantDesk.Functions.Notifications;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// The seed corpus: messages of every queue exactly as the desk writes them (built by the desk's own
/// serialisers), which the mutator bends so the fuzz gets past the first parse.
/// </summary>
public static class ValidMessages
{
    public static readonly DateTimeOffset Minute = new(2025, 3, 14, 14, 31, 0, TimeSpan.Zero);

    /// <summary>Queue function name → valid messages of its queue.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> ByFunction { get; } = new Dictionary<string, IReadOnlyList<JsonObject>>
    {
        ["EvaluateStrategies"] = [new BarTick(Minute, ["SPY", "QQQ"]).ToJson(), new BarTick(Minute.AddMinutes(1), ["AAPL"]).ToJson()],
        ["PlaceOrder"] =
        [
            OrderIntentMessage.ToJson(new OrderIntent("sma-SPY-20250314T1431-buy", "SPY", OrderSide.Buy, 3m, OrderType.Market, null, Minute, "sma-crossover", 561.25m)),
            OrderIntentMessage.ToJson(new OrderIntent("rsi-AAPL-20250314T1431-sell", "AAPL", OrderSide.Sell, 2m, OrderType.Limit, 213.4m, Minute, "rsi-mean-reversion", 213.5m, new ProtectiveExit(220m, 200m))),
        ],
        ["TrackOrder"] =
        [
            new JsonObject { ["kind"] = "track-order", ["clientOrderId"] = "sma-SPY-20250314T1431-buy", ["attempt"] = "2", ["traceparent"] = null },
            new JsonObject { ["kind"] = "track-order", ["clientOrderId"] = "unknown-order", ["attempt"] = "1", ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
        ],
        ["NotifyDiscord"] =
        [
            new Notification("order-placed-sma-SPY", "order-placed", "Bought 3 SPY", "market order sent", Minute).ToJson(),
            WithFields(new Notification("risk-drift-1", "position-drift", "Drift", "SPY 3 vs 2", Minute).ToJson()),
        ],
        ["ReplyRescue"] =
        [
            new ReplyRescue.ReplyCheckMessage("786008729715212345", Minute.AddMinutes(15)).ToJson(),
            new ReplyRescue.ReplyCheckMessage("1", null).ToJson(),
        ],
    };

    private static JsonObject WithFields(JsonObject notification)
    {
        notification["fields"] = new JsonArray(new JsonObject { ["name"] = "Symbol", ["value"] = "SPY", ["inline"] = true });
        return notification;
    }
}
