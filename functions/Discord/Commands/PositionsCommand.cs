using System.Text;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Broker;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/positions: each broker position on one line (quantity, average price, price, unrealised P&amp;L).</summary>
public sealed class PositionsCommand(BrokerClients broker) : IDeskCommandHandler
{
    public string Name => "positions";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var positions = await broker.Trading.ListPositionsAsync(ct);
        if (positions.Count == 0)
        {
            return EmbedStyle.Embed("No open positions", EmbedStyle.Grey, "The account is flat.");
        }

        var lines = new StringBuilder();
        foreach (var p in positions.OrderBy(p => p.Symbol, StringComparer.Ordinal))
        {
            lines.Append("**").Append(p.Symbol).Append("** ").Append(EmbedStyle.Quantity(p.Qty))
                .Append(" @ ").Append(EmbedStyle.Money(p.AvgEntryPrice))
                .Append(" → ").Append(p.CurrentPrice is { } price ? EmbedStyle.Money(price) : "?")
                .Append("  ").Append(EmbedStyle.Change(p.UnrealizedPl ?? 0m)).Append('\n');
        }

        var unrealised = positions.Sum(p => p.UnrealizedPl ?? 0m);
        return EmbedStyle.Embed($"{positions.Count} open position{(positions.Count == 1 ? "" : "s")}", EmbedStyle.ColorOf(unrealised), lines.ToString(),
        [
            EmbedStyle.Field("Market value", EmbedStyle.Money(positions.Sum(p => p.MarketValue ?? 0m))),
            EmbedStyle.Field("Unrealised", EmbedStyle.Change(unrealised)),
        ]);
    }
}
