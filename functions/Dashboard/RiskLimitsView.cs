using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Risk;
using static MiniQuantDesk.Functions.Dashboard.DashboardJson;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>One risk limit and how close the desk is to it now.</summary>
public sealed record LimitReading(string Name, string Setting, decimal Limit, decimal? Current, string Unit, string? Detail)
{
    /// <summary>Current as a percentage of the limit (null when the current value is unknown).</summary>
    public decimal? Utilisation => Current is { } c && Limit > 0m ? Math.Round(c / Limit * 100m, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>ok below 80 %, near from 80 %, at from 100 % (the next order that adds to it is refused).</summary>
    public string State => Utilisation switch
    {
        null => "unknown",
        >= 100m => "at-limit",
        >= 80m => "near",
        _ => "ok",
    };
}

/// <summary>
/// The risk manager's limits next to the desk's current figures, computed the way the risk manager computes
/// them (gross exposure includes reserved in-flight orders; drawdowns from the stored peaks).
/// </summary>
public static class RiskLimitsView
{
    public static IReadOnlyList<LimitReading> Limits(RiskOptions options, DeskReadings r)
    {
        var positions = r.Positions.Value?.Where(p => p.Qty != 0m).ToList();
        var account = r.Account.Value;
        var reserved = r.Reserved.Excluding(string.Empty);
        var largest = positions?.Select(p => (p.Symbol, Usd: Math.Abs(p.MarketValue ?? 0m) + reserved.For(p.Symbol))).OrderByDescending(p => p.Usd).FirstOrDefault();
        var gross = positions is null ? (decimal?)null : positions.Sum(p => Math.Abs(p.MarketValue ?? 0m)) + reserved.TotalUsd;
        var symbols = positions?.Select(p => p.Symbol).Concat(reserved.BySymbolUsd.Keys).Distinct(StringComparer.Ordinal).Count();
        var today = Domain.MarketData.NewYorkTime.SessionDate(r.Now);
        var todays = r.Orders.Where(o => Domain.MarketData.NewYorkTime.SessionDate(o.Record.CreatedAt) == today).ToList();
        var biggestOrder = todays.Select(o => o.Record.Quantity * (o.Record.AverageFillPrice ?? o.Record.LimitPrice ?? 0m)).DefaultIfEmpty(0m).Max();
        var lastMinute = r.Orders.Count(o => o.Record.CreatedAt > r.Now.AddMinutes(-1) && o.Record.CreatedAt <= r.Now);
        var dayLoss = account is null ? (decimal?)null : Math.Max(0m, account.LastEquity - account.Equity);
        var peaks = r.Risk.Peaks;
        decimal? DrawdownPct(decimal? peak) => account is null || peak is not > 0m ? null : Math.Max(0m, (peak.Value - account.Equity) / peak.Value * 100m);
        var pdtApplies = account is not null && account.Equity < options.PdtEquityThresholdUsd;

        return
        [
            new("Position size", "Risk:MaxPositionSizeUsd", options.MaxPositionSizeUsd, largest is { Symbol: not null } l ? l.Usd : positions is null ? null : 0m, "USD", largest?.Symbol is { } s ? $"largest: {s}" : null),
            new("Gross exposure", "Risk:MaxPortfolioExposureUsd", options.MaxPortfolioExposureUsd, gross, "USD", $"includes {reserved.TotalUsd:0.00} USD reserved for orders in flight"),
            new("Open positions", "Risk:MaxOpenPositions", options.MaxOpenPositions, symbols, "symbols", null),
            new("Order notional", "Risk:MaxOrderNotionalUsd", options.MaxOrderNotionalUsd, biggestOrder, "USD", "largest order today"),
            new("Daily loss", "Risk:MaxDailyLossUsd", options.MaxDailyLossUsd, dayLoss, "USD", "equity below yesterday's close"),
            new("Daily drawdown", "Risk:MaxDailyDrawdownPct", options.MaxDailyDrawdownPct, DrawdownPct(peaks?.DayPeak), "%", "from today's equity peak"),
            new("Drawdown", "Risk:MaxDrawdownPct", options.MaxDrawdownPct, DrawdownPct(peaks?.AllTimePeak), "%", "from the all-time equity peak"),
            new("Orders per minute", "Risk:MaxOrdersPerMinute", options.MaxOrdersPerMinute, lastMinute, "orders", "in the last 60 s"),
            new("Day trades (PDT)", "Risk:MaxDayTrades", options.MaxDayTrades, account?.DaytradeCount, "day trades", pdtApplies ? "applies: equity under the PDT threshold" : "does not apply above the PDT threshold"),
        ];
    }

    public static JsonObject Build(RiskOptions options, DeskReadings r) => new()
    {
        ["breaker"] = new JsonObject
        {
            ["tripped"] = r.Risk.Breaker.IsTripped,
            ["trippedAt"] = Time(r.Risk.Breaker.TrippedAt),
            ["reason"] = r.Risk.Breaker.TripReason,
        },
        ["dayPeak"] = Money(r.Risk.Peaks?.DayPeak),
        ["allTimePeak"] = Money(r.Risk.Peaks?.AllTimePeak),
        ["limits"] = Array(Limits(options, r).Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Name,
            ["setting"] = l.Setting,
            ["limit"] = Exact(l.Limit),
            ["current"] = l.Unit is "USD" ? Money(l.Current) : l.Unit is "%" ? Percent(l.Current) : Exact(l.Current),
            ["unit"] = l.Unit,
            ["utilisationPct"] = Exact(l.Utilisation),
            ["state"] = l.State,
            ["detail"] = l.Detail,
        })),
    };
}
