using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Storage;
using static MiniQuantDesk.Functions.Dashboard.DashboardJson;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// Open and recent orders from the desk's order records, each with its state history from the transaction log
/// (every applied transition, fills included) and, while open, the status the broker reports now.
/// </summary>
public static class OrdersView
{
    public const int RecentCount = 25;

    public static JsonObject Build(IReadOnlyList<StoredOrder> orders, IReadOnlyList<JsonObject> log, Reading<IReadOnlyList<AlpacaOrder>> openAtBroker)
    {
        var history = log
            .Where(e => e["kind"]?.ToString() == "order-transition" && e["clientOrderId"] is not null)
            .GroupBy(e => e["clientOrderId"]!.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var brokerStatus = (openAtBroker.Value ?? []).GroupBy(o => o.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        var newestFirst = orders.OrderByDescending(o => o.Record.CreatedAt).ThenBy(o => o.Record.ClientOrderId, StringComparer.Ordinal).ToList();

        JsonNode Row(StoredOrder stored)
        {
            var r = stored.Record;
            return new JsonObject
            {
                ["clientOrderId"] = r.ClientOrderId,
                ["brokerOrderId"] = r.BrokerOrderId,
                ["symbol"] = r.Symbol,
                ["side"] = r.Side.ToString(),
                ["type"] = r.Type.ToString(),
                ["qty"] = Exact(r.Quantity),
                ["limitPrice"] = Exact(r.LimitPrice),
                ["status"] = r.Status.ToString(),
                ["open"] = !r.IsTerminal,
                ["brokerStatus"] = brokerStatus.GetValueOrDefault(r.ClientOrderId),
                ["filledQty"] = Exact(r.FilledQuantity),
                ["avgFillPrice"] = Price(r.AverageFillPrice),
                ["filledNotional"] = Money(r.AverageFillPrice is { } p ? p * r.FilledQuantity : null),
                ["createdAt"] = Time(r.CreatedAt),
                ["updatedAt"] = Time(r.UpdatedAt),
                ["history"] = Array(history.GetValueOrDefault(r.ClientOrderId, []).Select(e => (JsonNode)new JsonObject
                {
                    ["at"] = e["at"]?.ToString(),
                    ["from"] = e["from"]?.ToString(),
                    ["to"] = e["to"]?.ToString(),
                    ["event"] = e["event"]?.ToString(),
                    ["fillQty"] = e["fillQty"]?.ToString(),
                    ["fillPrice"] = e["fillPrice"]?.ToString(),
                })),
            };
        }

        return new JsonObject
        {
            ["open"] = Array(newestFirst.Where(o => !o.Record.IsTerminal).Select(Row)),
            ["recent"] = Array(newestFirst.Where(o => o.Record.IsTerminal).Take(RecentCount).Select(Row)),
            ["total"] = orders.Count,
            ["brokerError"] = openAtBroker.Error,
        };
    }
}
