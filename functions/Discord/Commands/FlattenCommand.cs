using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>/flatten, after Confirm: every position closed at market, open orders cancelled first (at the broker).</summary>
public sealed class FlattenCommand(KillSwitch kill) : IConfirmedCommand
{
    public string Name => "flatten";

    public ConfirmationQuestion Prepare(CommandRequest request) =>
        ConfirmationQuestion.Ask("**Flatten**: cancel open orders and close **every** position at market?");

    public Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct) =>
        throw new InvalidOperationException("/flatten acts only after its confirmation");

    public Task<DiscordMessage> ExecuteAsync(ConfirmedRequest request, CancellationToken ct) => FlattenAllAsync(kill, request.UserId, ct);

    internal static async Task<DiscordMessage> FlattenAllAsync(KillSwitch kill, string userId, CancellationToken ct)
    {
        var closing = await kill.FlattenAsync(userId, ct);
        return EmbedStyle.Embed(closing == 0 ? "Nothing to flatten" : "Flattening", closing == 0 ? EmbedStyle.Grey : EmbedStyle.Amber,
            closing == 0 ? "There were no positions." : $"Closing {closing} position{(closing == 1 ? "" : "s")} at market; open orders cancelled. /positions shows what is left.");
    }
}
