using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Broker;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>
/// /pnl: the day's change as the broker counts it (equity − last_equity), split into unrealised (intraday, from
/// positions) and realised (the rest), with equity and the drawdown from the stored day and all-time peaks.
/// </summary>
public sealed class PnlCommand(BrokerClients broker, RiskStateStore risk) : IDeskCommandHandler
{
    public string Name => "pnl";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var account = broker.Trading.GetAccountAsync(ct);
        var positions = broker.Trading.ListPositionsAsync(ct);
        var state = risk.ReadAsync(ct);
        await Task.WhenAll(account, positions, state);
        var a = account.Result;
        var day = a.Equity - a.LastEquity;
        var unrealised = positions.Result.Sum(p => p.UnrealizedIntradayPl ?? 0m);
        var peaks = state.Result.Peaks;
        var dayPeak = Math.Max(peaks?.DayPeak ?? a.Equity, a.Equity);
        var allPeak = Math.Max(peaks?.AllTimePeak ?? a.Equity, a.Equity);
        return EmbedStyle.Embed($"Today {EmbedStyle.Change(day)} ({EmbedStyle.Percent(a.LastEquity > 0m ? day / a.LastEquity : 0m)})", EmbedStyle.ColorOf(day), null,
        [
            EmbedStyle.Field("Realised", EmbedStyle.Change(day - unrealised)),
            EmbedStyle.Field("Unrealised", EmbedStyle.Change(unrealised)),
            EmbedStyle.Field("Equity", EmbedStyle.Money(a.Equity)),
            EmbedStyle.Field("Previous close", EmbedStyle.Money(a.LastEquity)),
            EmbedStyle.Field("Drawdown today", EmbedStyle.Percent(dayPeak > 0m ? (dayPeak - a.Equity) / dayPeak : 0m)),
            EmbedStyle.Field("Drawdown from peak", EmbedStyle.Percent(allPeak > 0m ? (allPeak - a.Equity) / allPeak : 0m)),
        ]);
    }
}
