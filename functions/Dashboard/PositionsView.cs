using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca.Models;
using static MiniQuantDesk.Functions.Dashboard.DashboardJson;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>The broker's positions (the truth; the desk's books are reconciled against them) with unrealised P&amp;L.</summary>
public static class PositionsView
{
    public static JsonObject Build(Reading<IReadOnlyList<AlpacaPosition>> positions)
    {
        if (positions.Value is not { } list)
        {
            return new JsonObject { ["error"] = positions.Error, ["items"] = new JsonArray() };
        }

        var held = list.Where(p => p.Qty != 0m).OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["items"] = Array(held.Select(p => (JsonNode)new JsonObject
            {
                ["symbol"] = p.Symbol,
                ["side"] = p.Side,
                ["qty"] = Exact(p.Qty),
                ["avgEntryPrice"] = Price(p.AvgEntryPrice),
                ["currentPrice"] = Price(p.CurrentPrice),
                ["costBasis"] = Money(p.CostBasis),
                ["marketValue"] = Money(p.MarketValue),
                ["unrealizedPl"] = Money(p.UnrealizedPl),
                ["unrealizedPlPct"] = Percent(p.UnrealizedPlpc * 100m),
                ["unrealizedIntradayPl"] = Money(p.UnrealizedIntradayPl),
            })),
            ["totals"] = new JsonObject
            {
                ["marketValue"] = Money(held.Sum(p => p.MarketValue ?? 0m)),
                ["unrealizedPl"] = Money(held.Sum(p => p.UnrealizedPl ?? 0m)),
            },
        };
    }
}
