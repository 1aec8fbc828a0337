using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Reporting;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Discord;

namespace MiniQuantDesk.Functions.DailySummary;

/// <summary>
/// Gathers the day — the broker's account and positions, the broker's fills of the session, the stored minute
/// bars and the transaction log's risk events — and turns it into the summary message and its chart. The
/// figures come from <see cref="DailyReportBuilder"/>; the day's P&amp;L is the account's own change.
/// </summary>
public sealed class DailySummaryComposer(BrokerClients broker, BarStore bars, TransactionLog log, Adapters.Ml.PredictionStore predictions, DeskSettings settings, TimeProvider time)
{
    public sealed record Summary(DailyReport Report, DiscordMessage Message, byte[] Chart, int RiskEvents, int DriftEvents);

    public async Task<Summary> ComposeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = NewYorkTime.SessionDate(now);
        var (dayStart, _) = NewYorkTime.DayBounds(session);
        var account = broker.Trading.GetAccountAsync(ct);
        var positions = broker.Trading.ListPositionsAsync(ct);
        var fills = broker.Trading.GetFillActivitiesAsync(after: dayStart, until: now, cancellationToken: ct);
        var entries = log.ReadDayAsync(now, ct);
        await Task.WhenAll(account, positions, fills, entries);

        var symbols = settings.Desk.Symbols.Concat(positions.Result.Select(p => p.Symbol)).Concat(fills.Result.Select(f => f.Symbol)).Distinct(StringComparer.Ordinal).ToList();
        var dayBars = new Dictionary<string, IReadOnlyList<Bar>>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            dayBars[symbol] = await bars.ReadSinceAsync(symbol, dayStart, ct);
        }

        var report = DailyReportBuilder.Build(new DailyReportInput(
            session,
            account.Result.LastEquity,
            account.Result.Equity,
            now,
            positions.Result.Select(Held).ToList(),
            fills.Result.Select(Fill).ToList(),
            dayBars));
        var riskEvents = entries.Result.Where(e => e["kind"]?.ToString() == "risk-rejection").ToList();
        var drift = entries.Result.Where(e => e["kind"]?.ToString() == "drift").ToList();
        var shadow = await ShadowLinesAsync(session, ct);
        var chart = EquityChart.Render(report);
        return new Summary(report, Message(report, riskEvents, drift, shadow), chart, riskEvents.Count, drift.Count);
    }

    /// <summary>The shadow models' scores of the day and rolling (hit rate, Brier); the summary goes out without them if they cannot be read.</summary>
    private async Task<IReadOnlyList<string>> ShadowLinesAsync(DateOnly session, CancellationToken ct)
    {
        try
        {
            var scored = await Ml.ShadowScoreReport.LoadAsync(predictions, session.AddDays(-7), session, ct);
            return Ml.ShadowScoreReport.SummaryLines(scored, session);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or FormatException)
        {
            return [$"scores unavailable ({ex.GetType().Name})"];
        }
    }

    private static HeldPosition Held(AlpacaPosition p) =>
        new(p.Symbol, p.Side == "short" && p.Qty > 0 ? -p.Qty : p.Qty, p.LastdayPrice, p.CurrentPrice ?? p.AvgEntryPrice);

    private static FillEvent Fill(AlpacaFillActivity f) =>
        new(f.OrderId, f.Id, f.Symbol, f.Side.StartsWith("buy", StringComparison.OrdinalIgnoreCase) ? OrderSide.Buy : OrderSide.Sell, f.Qty, f.Price, 0m, f.TransactionTime);

    private static DiscordMessage Message(DailyReport r, IReadOnlyList<JsonObject> risk, IReadOnlyList<JsonObject> drift, IReadOnlyList<string> shadow)
    {
        var trades = new StringBuilder();
        foreach (var t in r.Trades.TakeLast(15))
        {
            trades.Append(t.At.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(' ')
                .Append(t.Side == OrderSide.Buy ? "BUY " : "SELL ").Append(EmbedStyle.Quantity(t.Quantity)).Append(' ').Append(t.Symbol)
                .Append(" @ ").Append(EmbedStyle.Money(t.AveragePrice));
            if (t.Closing)
            {
                trades.Append("  **").Append(EmbedStyle.Change(t.RealizedPnl)).Append("**");
            }

            trades.Append('\n');
        }

        var fields = new List<Adapters.Discord.Messages.EmbedField>
        {
            EmbedStyle.Field("Day P&L", $"{EmbedStyle.Change(r.DayPnl)} ({EmbedStyle.Percent(r.DayReturn)})"),
            EmbedStyle.Field("Equity", EmbedStyle.Money(r.EndEquity)),
            EmbedStyle.Field("Previous close", EmbedStyle.Money(r.StartEquity)),
            EmbedStyle.Field("Realised", EmbedStyle.Change(r.RealizedPnl)),
            EmbedStyle.Field("Unrealised", EmbedStyle.Change(r.UnrealizedPnl)),
            EmbedStyle.Field("Win rate", r.WinRate is { } w ? $"{EmbedStyle.Percent(w)} of {r.ClosingTrades.Count}" : "no closed trades"),
            EmbedStyle.Field("Max drawdown", EmbedStyle.Percent(r.MaxDrawdown)),
            EmbedStyle.Field("Risk events", risk.Count == 0 ? "none" : $"{risk.Count} refusal{(risk.Count == 1 ? "" : "s")}"),
            EmbedStyle.Field("Drift", drift.Count == 0 ? "none" : string.Join(", ", drift.Select(d => d["symbol"]?.ToString()).Distinct())),
            EmbedStyle.Field("Shadow models", shadow.Count == 0 ? "no scores recorded" : string.Join("\n", shadow), inline: false),
            EmbedStyle.Field($"Trades ({r.Trades.Count})", r.Trades.Count == 0 ? "none" : trades.ToString(), inline: false),
        };
        if (Math.Abs(r.Unexplained) >= 0.01m)
        {
            fields.Add(EmbedStyle.Field("Not explained by fills", EmbedStyle.Change(r.Unexplained) + " (fees, dividends, or a fill the desk did not see)", inline: false));
        }

        return DiscordMessage.Of(new DiscordEmbed
        {
            Title = $"Daily summary {r.Session:ddd yyyy-MM-dd}",
            Color = EmbedStyle.ColorOf(r.DayPnl),
            Fields = fields,
            ImageUrl = "attachment://" + EquityChart.FileName,
            FooterText = "Day P&L = broker equity − last_equity",
        });
    }
}
