using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Orders;
using static MiniQuantDesk.Functions.Dashboard.DashboardJson;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// The day's equity curve (one point per stored minute bar) and the last 30 days' (one point per session close,
/// today's point being the broker's equity now), both reconstructed by <see cref="EquityCurve"/>.
/// </summary>
public static class EquityView
{
    public const string Method = "reconstructed backwards from the broker's cash and positions now, undoing the fills in the transaction log and valuing holdings at the stored minute closes";

    /// <summary>The fills the transaction log holds, each execution once, signed by the side of its order.</summary>
    public static IReadOnlyList<DeskFill> Fills(IReadOnlyList<JsonObject> log, IReadOnlyDictionary<string, OrderRecord> orders)
    {
        var fills = new List<DeskFill>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in log.Where(e => e["kind"]?.ToString() == "order-transition"))
        {
            if (e["executionId"]?.ToString() is not { Length: > 0 } execution
                || !seen.Add(execution)
                || !Decimal(e["fillQty"], out var qty)
                || !Decimal(e["fillPrice"], out var price)
                || !orders.TryGetValue(e["clientOrderId"]?.ToString() ?? "", out var order)
                || !DateTimeOffset.TryParse(e["at"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                continue;
            }

            fills.Add(new DeskFill(at, order.Symbol, order.Side == OrderSide.Buy ? qty : -qty, price, execution));
        }

        return fills;
    }

    public static JsonObject Build(DeskReadings r)
    {
        if (r.Account.Value is not { } account || r.Positions.Value is not { } positions)
        {
            return new JsonObject { ["error"] = r.Account.Error ?? r.Positions.Error, ["day"] = new JsonArray(), ["month"] = new JsonArray(), ["method"] = Method };
        }

        var orders = r.Orders.ToDictionary(o => o.Record.ClientOrderId, o => o.Record, StringComparer.Ordinal);
        var fills = Fills(r.Log, orders);
        var quantities = positions.GroupBy(p => p.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Qty), StringComparer.Ordinal);
        var dayInstants = r.DayPrices.Values.SelectMany(p => p).Select(p => p.At).Where(at => at <= r.Now);
        var day = EquityCurve.Reconstruct(account.Cash, quantities, fills, r.DayPrices, dayInstants);

        var month = new List<(DateOnly Date, DateTimeOffset At, decimal Equity)>();
        foreach (var close in r.PastCloses.OrderBy(c => c.At))
        {
            var prices = close.Closes.ToDictionary(c => c.Key, c => (IReadOnlyList<PricePoint>)[new PricePoint(close.At, c.Value)], StringComparer.Ordinal);
            if (EquityCurve.Reconstruct(account.Cash, quantities, fills, prices, [close.At]) is [var point])
            {
                month.Add((close.Date, close.At, point.Equity));
            }
        }

        month.Add((Domain.MarketData.NewYorkTime.SessionDate(r.Now), r.Now, account.Equity));
        return new JsonObject
        {
            ["day"] = Array(day.Select(p => (JsonNode)new JsonObject { ["t"] = Time(p.At), ["equity"] = Money(p.Equity) })),
            ["month"] = Array(month.Select(p => (JsonNode)new JsonObject
            {
                ["date"] = p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["t"] = Time(p.At),
                ["equity"] = Money(p.Equity),
            })),
            ["method"] = Method,
        };
    }

    private static bool Decimal(JsonNode? node, out decimal value)
    {
        value = 0m;
        return node?.ToString() is { Length: > 0 } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }
}
