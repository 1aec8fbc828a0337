using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.Discord.Commands;

/// <summary>
/// /kill, after Confirm: the kill-switch flag first (every PlaceOrder reads it, also for intents already
/// queued), then every open order cancelled at the broker.
/// </summary>
public sealed class KillCommand(KillSwitch kill, ILogger<KillCommand> logger) : IConfirmedCommand
{
    public string Name => "kill";

    public ConfirmationQuestion Prepare(CommandRequest request) =>
        ConfirmationQuestion.Ask("**Kill switch**: halt all trading and cancel every open order at the broker? Positions stay as they are.");

    public Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct) =>
        throw new InvalidOperationException("/kill acts only after its confirmation");

    public async Task<DiscordMessage> ExecuteAsync(ConfirmedRequest request, CancellationToken ct)
    {
        var cancelled = await kill.EngageAsync(request.UserId, logger, ct);
        return EmbedStyle.Embed("Kill switch ON", EmbedStyle.Red,
            $"Trading HALTED. {cancelled} open order{(cancelled == 1 ? "" : "s")} cancelled at the broker. No new orders will be sent; /start resumes.");
    }
}
