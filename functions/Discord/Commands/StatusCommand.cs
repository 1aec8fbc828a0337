using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Health;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/status: trading state, kill switch, market clock, last tick age, open orders, breaker and broker at a glance.</summary>
public sealed class StatusCommand(DeskStateStore state, OrderStore orders, RiskStateStore risk, BrokerClients broker, DeskSettings settings, TimeProvider time) : IDeskCommandHandler
{
    public string Name => "status";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        // The broker gets a short leash: /status must answer even when the broker does not.
        var clock = HealthCheck.RunAsync(c => broker.Trading.GetClockAsync(c), TimeSpan.FromSeconds(1.5), TimeProvider.System, ct);
        var flags = state.ReadFlagsAsync(ct);
        var tick = state.ReadLastTickAsync(ct);
        var open = orders.ListOpenAsync(ct);
        var riskState = risk.ReadAsync(ct);
        await Task.WhenAll(clock, flags, tick, open, riskState);

        var now = time.GetUtcNow();
        var trading = DeskStateText.StateOf(flags.Result);
        var tickAge = tick.Result is { } at ? now - at : (TimeSpan?)null;
        var fields = new List<EmbedField>
        {
            EmbedStyle.Field("Trading", DeskStateText.Describe(trading)),
            EmbedStyle.Field("Kill switch", flags.Result.KillSwitch ? "ON" : "off"),
            EmbedStyle.Field("Market", Market(clock.Result.Value, clock.Result.Error)),
            EmbedStyle.Field("Last tick", tickAge is { } age ? EmbedStyle.Ago(age) : "none yet"),
            EmbedStyle.Field("Open orders", open.Result.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            EmbedStyle.Field("Breaker", riskState.Result.Breaker.IsTripped ? "TRIPPED: " + riskState.Result.Breaker.TripReason : "armed"),
            EmbedStyle.Field("Broker", clock.Result.Ok ? $"{settings.Alpaca.Mode}, {settings.Alpaca.TradingBaseUrl.Host}" : "unreachable: " + clock.Result.Error),
            EmbedStyle.Field("Last change", DeskStateText.ChangedBy(flags.Result), inline: false),
        };
        var stale = clock.Result.Value?.IsOpen == true && (tickAge is null || tickAge > settings.Desk.TickStaleAfter);
        return EmbedStyle.Embed(stale ? "Desk status: bar feed stale" : "Desk status", stale ? EmbedStyle.Amber : DeskStateText.ColorOf(trading), fields: fields);
    }

    private static string Market(AlpacaClock? clock, string? error) => clock is null
        ? "unknown (" + error + ")"
        : clock.IsOpen ? $"open, closes {Et(clock.NextClose):HH:mm} ET" : $"closed, opens {Et(clock.NextOpen):ddd HH:mm} ET";

    private static DateTime Et(DateTimeOffset instant) => Domain.MarketData.NewYorkTime.ToNewYork(instant);
}
