using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/start: back to ACTIVE (also releases the kill switch: only a person may loosen the state).</summary>
public sealed class StartCommand(KillSwitch kill, DeskStateStore state) : IDeskCommandHandler
{
    public string Name => "start";

    public async Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct)
    {
        var before = DeskStateText.StateOf(await state.ReadFlagsAsync(ct));
        await kill.ReleaseAsync(request.UserId, ct);
        return EmbedStyle.Embed("Trading resumed", EmbedStyle.Green, $"{DeskStateText.Describe(before)} → {DeskStateText.Describe(TradingState.Active)}. Strategies may open positions again.");
    }
}

/// <summary>/stop: no new entries (REDUCING); open orders and exits carry on.</summary>
public sealed class StopCommand(KillSwitch kill, DeskStateStore state) : IDeskCommandHandler
{
    public string Name => "stop";

    public Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct) => ReducingCommand.ApplyAsync(kill, state, request, "Entries stopped", ct);
}

/// <summary>/reduce: REDUCING, only orders that shrink a position pass (the same state /stop sets).</summary>
public sealed class ReduceCommand(KillSwitch kill, DeskStateStore state) : IDeskCommandHandler
{
    public string Name => "reduce";

    public Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct) => ReducingCommand.ApplyAsync(kill, state, request, "Reduce-only", ct);
}

internal static class ReducingCommand
{
    public static async Task<DiscordMessage> ApplyAsync(KillSwitch kill, DeskStateStore state, CommandRequest request, string title, CancellationToken ct)
    {
        var before = DeskStateText.StateOf(await state.ReadFlagsAsync(ct));
        var change = TradingStateMachine.Apply(before, TradingCommand.StopEntries, TradingActor.Person);
        if (before == TradingState.Halted)
        {
            // Loosening HALTED to REDUCING is /start's job; the kill switch stays until someone says so.
            return EmbedStyle.Embed("Kill switch is on", EmbedStyle.Red, "The desk is HALTED, stricter than reduce-only. Nothing was changed; /start resumes trading.");
        }

        await kill.PauseEntriesAsync(request.UserId, ct);
        return EmbedStyle.Embed(title, EmbedStyle.Amber, $"{change.Message}. No new positions; exits and open orders carry on. /start resumes.");
    }
}
