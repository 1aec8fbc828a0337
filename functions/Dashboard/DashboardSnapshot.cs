using System.Globalization;
using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using static MiniQuantDesk.Functions.Dashboard.DashboardJson;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>The whole dashboard as JSON, one section per part of the page; a pure function of the readings.</summary>
public static class DashboardSnapshot
{
    public static JsonObject Build(DeskReadings r, RiskOptions risk, string brokerMode)
    {
        var all = new JsonObject
        {
            ["asOf"] = Time(r.Now),
            ["overview"] = Overview(r, brokerMode),
            ["positions"] = PositionsView.Build(r.Positions),
            ["orders"] = OrdersView.Build(r.Orders, r.Log, r.OpenBrokerOrders),
            ["risk"] = RiskLimitsView.Build(risk, r),
            ["ticks"] = Ticks(r),
            ["equity"] = EquityView.Build(r),
            ["notifications"] = NotificationFeed.Build(r.Log, r.Orders),
            ["shadow"] = Shadow(r),
        };
        return all;
    }

    /// <summary>One section with the snapshot's time, or the whole snapshot for <c>all</c>.</summary>
    public static JsonObject Section(JsonObject all, string section)
    {
        if (section == "all")
        {
            return all;
        }

        var part = all[section]!.DeepClone().AsObject();
        part["asOf"] = all["asOf"]!.DeepClone();
        return part;
    }

    public static TradingState TradingStateOf(Adapters.Storage.DeskFlags flags) =>
        flags.KillSwitch ? TradingState.Halted : flags.TradingEnabled ? TradingState.Active : TradingState.Reducing;

    private static JsonObject Overview(DeskReadings r, string brokerMode)
    {
        var account = r.Account.Value;
        var clock = r.Clock.Value;
        return new JsonObject
        {
            ["tradingState"] = TradingStateOf(r.Flags).ToString(),
            ["killSwitch"] = r.Flags.KillSwitch,
            ["tradingEnabled"] = r.Flags.TradingEnabled,
            ["flagsChangedAt"] = Time(r.Flags.ChangedAt),
            ["flagsChangedBy"] = r.Flags.ChangedBy,
            ["breakerTripped"] = r.Risk.Breaker.IsTripped,
            ["broker"] = brokerMode,
            ["market"] = clock is null
                ? new JsonObject { ["error"] = r.Clock.Error }
                : new JsonObject { ["open"] = clock.IsOpen, ["nextOpen"] = Time(clock.NextOpen), ["nextClose"] = Time(clock.NextClose) },
            ["account"] = account is null
                ? new JsonObject { ["error"] = r.Account.Error }
                : new JsonObject
                {
                    ["equity"] = Money(account.Equity),
                    ["cash"] = Money(account.Cash),
                    ["buyingPower"] = Money(account.BuyingPower),
                    ["lastEquity"] = Money(account.LastEquity),
                    ["dayPnl"] = Money(account.Equity - account.LastEquity),
                },
            ["openOrders"] = r.Orders.Count(o => !o.Record.IsTerminal),
            ["filledOrders"] = r.Orders.Count(o => o.Record.Status == OrderStatus.Filled),
        };
    }

    private static JsonObject Ticks(DeskReadings r) => new()
    {
        ["lastTickAt"] = Time(r.LastTick),
        ["lastTickAgeSeconds"] = Age(r.Now, r.LastTick),
        ["symbols"] = Array(r.LastBars.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (JsonNode)new JsonObject
        {
            ["symbol"] = b.Key,
            ["lastBarStart"] = Time(b.Value?.Start),
            ["lastClose"] = Exact(b.Value?.Close),
            // A bar is complete (a tick) a minute after it starts: its age counts from then.
            ["ageSeconds"] = Age(r.Now, b.Value?.Start.AddMinutes(1)),
        })),
    };

    private static JsonObject Shadow(DeskReadings r) => new()
    {
        ["models"] = Array(r.Shadow.Select(s => (JsonNode)new JsonObject
        {
            ["model"] = s.Model,
            ["version"] = s.Version,
            ["window"] = s.Window,
            ["predictions"] = s.Predictions,
            ["hitRate"] = Percent(s.HitRate * 100m),
            ["brier"] = Exact(s.Brier is { } b ? Math.Round(b, 4) : null),
        })),
        ["note"] = r.Shadow.Count == 0 ? "none yet" : null,
    };

    private static JsonNode? Age(DateTimeOffset now, DateTimeOffset? at) =>
        at is { } a ? JsonValue.Create(Math.Max(0, (long)Math.Floor((now - a).TotalSeconds)).ToString(CultureInfo.InvariantCulture)) : null;
}
