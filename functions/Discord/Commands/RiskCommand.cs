using System.Globalization;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/risk: each limit of <c>Risk:*</c> next to what is in use now, and how much of it that is.</summary>
public sealed class RiskCommand(BrokerClients broker, RiskStateStore risk, ExposureReservations reservations, OrderStore orders, DeskSettings settings, TimeProvider time) : IDeskCommandHandler
{
    public string Name => "risk";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var account = broker.Trading.GetAccountAsync(ct);
        var positions = broker.Trading.ListPositionsAsync(ct);
        var state = risk.ReadAsync(ct);
        var reserved = reservations.ReadAsync(ct);
        var known = orders.ListAsync(ct);
        await Task.WhenAll(account, positions, state, reserved, known);

        var limits = settings.Risk;
        var a = account.Result;
        var values = positions.Result.Select(p => Math.Abs(p.MarketValue ?? 0m)).ToList();
        var exposure = values.Sum() + reserved.Result.Entries.Values.Sum(r => r.Usd);
        var dayLoss = Math.Max(0m, a.LastEquity - a.Equity);
        var peaks = state.Result.Peaks;
        var dayPeak = Math.Max(peaks?.DayPeak ?? a.Equity, a.Equity);
        var allPeak = Math.Max(peaks?.AllTimePeak ?? a.Equity, a.Equity);
        var now = time.GetUtcNow();
        var lastMinute = known.Result.Count(o => o.Record.CreatedAt > now.AddMinutes(-1));
        var breaker = state.Result.Breaker;
        var fields = new List<EmbedField>
        {
            Usage("Largest position", values.Count == 0 ? 0m : values.Max(), limits.MaxPositionSizeUsd, money: true),
            Usage("Exposure (incl. reserved)", exposure, limits.MaxPortfolioExposureUsd, money: true),
            Usage("Open positions", positions.Result.Count, limits.MaxOpenPositions),
            Usage("Day loss", dayLoss, limits.MaxDailyLossUsd, money: true),
            Usage("Day drawdown %", dayPeak > 0m ? 100m * (dayPeak - a.Equity) / dayPeak : 0m, limits.MaxDailyDrawdownPct),
            Usage("Drawdown from peak %", allPeak > 0m ? 100m * (allPeak - a.Equity) / allPeak : 0m, limits.MaxDrawdownPct),
            Usage("Orders last minute", lastMinute, limits.MaxOrdersPerMinute),
            a.Equity < limits.PdtEquityThresholdUsd
                ? Usage("Day trades (5 days)", a.DaytradeCount ?? 0, limits.MaxDayTrades)
                : EmbedStyle.Field("Day trades", "no limit above " + EmbedStyle.Money(limits.PdtEquityThresholdUsd)),
            EmbedStyle.Field("Breaker", breaker.IsTripped ? $"TRIPPED {breaker.TrippedAt:HH:mm} UTC: {breaker.TripReason}" : "armed", inline: false),
        };
        var nearest = NearestLimit(values, exposure, dayLoss, limits, positions.Result.Count);
        var title = breaker.IsTripped ? "Risk: breaker tripped" : nearest >= 0.8m ? "Risk: close to a limit" : "Risk: within limits";
        var color = breaker.IsTripped ? EmbedStyle.Red : nearest >= 0.8m ? EmbedStyle.Amber : EmbedStyle.Green;
        return EmbedStyle.Embed(title, color, null, fields, footer: "used / limit (share of the limit)");
    }

    private static decimal NearestLimit(IReadOnlyList<decimal> values, decimal exposure, decimal dayLoss, Domain.Risk.RiskOptions limits, int open) =>
        new[]
        {
            values.Count == 0 ? 0m : values.Max() / limits.MaxPositionSizeUsd,
            exposure / limits.MaxPortfolioExposureUsd,
            dayLoss / limits.MaxDailyLossUsd,
            (decimal)open / Math.Max(1, limits.MaxOpenPositions),
        }.Max();

    private static EmbedField Usage(string name, decimal used, decimal limit, bool money = false)
    {
        var share = limit > 0m ? used / limit : 0m;
        var text = money
            ? $"{EmbedStyle.Money(used)} / {EmbedStyle.Money(limit)}"
            : $"{used.ToString("0.##", CultureInfo.InvariantCulture)} / {limit.ToString("0.##", CultureInfo.InvariantCulture)}";
        return EmbedStyle.Field(name, $"{text} ({EmbedStyle.Percent(share)})");
    }
}
