using System.Text;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Reporting;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>
/// /performance [today|week|all]: realised P&amp;L, closed trades and win rate per strategy set and per symbol,
/// from the desk's own order records (each order one fill at its average price). An order id names its strategy
/// set by hash (<see cref="IntentId"/>); the configured set is shown by name, anything else as "other".
/// </summary>
public sealed class PerformanceCommand(OrderStore orders, DeskSettings settings) : IDeskCommandHandler
{
    public string Name => "performance";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var period = request.Command.GetString("period") ?? "today";
        var since = Since(period, request.Now);
        var records = await orders.ListAsync(ct);
        var fills = records.Select(o => o.Record)
            .Where(r => r.FilledQuantity > 0m && r.AverageFillPrice is > 0m)
            .Select(r => new FillEvent(r.ClientOrderId, r.ClientOrderId, r.Symbol, r.Side, r.FilledQuantity, r.AverageFillPrice!.Value, 0m, r.LastFillAt ?? r.UpdatedAt));
        var set = string.Join('+', settings.Desk.Strategies.Order(StringComparer.Ordinal));
        var prefix = $"mqd-{IntentId.SetHash(set)}-";
        var report = PerformanceReport.Build(fills, since, id => id.StartsWith(prefix, StringComparison.Ordinal) ? set : "other");
        return EmbedStyle.Embed($"Performance {period}: {EmbedStyle.Change(report.RealizedPnl)} realised", EmbedStyle.ColorOf(report.RealizedPnl), null,
        [
            EmbedStyle.Field("By strategy", Lines(report.ByStrategy), inline: false),
            EmbedStyle.Field("By symbol", Lines(report.BySymbol), inline: false),
        ], footer: $"closed trades since {since:yyyy-MM-dd HH:mm} UTC");
    }

    private static DateTimeOffset Since(string period, DateTimeOffset now)
    {
        var today = NewYorkTime.SessionDate(now);
        return period switch
        {
            "all" => DateTimeOffset.MinValue,
            "week" => NewYorkTime.DayBounds(today.AddDays(-(((int)today.DayOfWeek + 6) % 7))).StartUtc,
            _ => NewYorkTime.DayBounds(today).StartUtc,
        };
    }

    private static string Lines(IReadOnlyList<PerformanceLine> lines)
    {
        if (lines.Count == 0)
        {
            return "no closed trades";
        }

        var text = new StringBuilder();
        foreach (var l in lines.Take(15))
        {
            text.Append("**").Append(l.Group).Append("** ").Append(EmbedStyle.Change(l.RealizedPnl)).Append(" · ")
                .Append(l.ClosingTrades).Append(" closed · ").Append(l.WinRate is { } w ? EmbedStyle.Percent(w) + " won" : "—").Append('\n');
        }

        return text.ToString();
    }
}
