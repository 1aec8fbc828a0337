using System.Text;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/orders: the desk's open orders, then the ten most recent, from the desk's own order records.</summary>
public sealed class OrdersCommand(OrderStore orders) : IDeskCommandHandler
{
    private const int Recent = 10;

    public string Name => "orders";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var all = await orders.ListAsync(ct);
        var open = all.Where(o => !o.Record.IsTerminal).Select(o => o.Record).OrderBy(o => o.CreatedAt).ToList();
        var recent = all.Where(o => o.Record.IsTerminal).Select(o => o.Record).OrderByDescending(o => o.UpdatedAt).Take(Recent).ToList();
        return EmbedStyle.Embed($"{open.Count} open order{(open.Count == 1 ? "" : "s")}", open.Count > 0 ? EmbedStyle.Blue : EmbedStyle.Grey, null,
        [
            EmbedStyle.Field("Open", Lines(open), inline: false),
            EmbedStyle.Field($"Recent ({recent.Count})", Lines(recent), inline: false),
        ]);
    }

    private static string Lines(IReadOnlyList<OrderRecord> records)
    {
        if (records.Count == 0)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var o in records)
        {
            text.Append(o.Side == OrderSide.Buy ? "BUY " : "SELL ").Append(EmbedStyle.Quantity(o.Quantity)).Append(' ').Append(o.Symbol)
                .Append(" · ").Append(o.Status);
            if (o.FilledQuantity > 0m)
            {
                text.Append(' ').Append(EmbedStyle.Quantity(o.FilledQuantity)).Append(" @ ").Append(EmbedStyle.Money(o.AverageFillPrice ?? 0m));
            }

            text.Append(" · ").Append(o.UpdatedAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
