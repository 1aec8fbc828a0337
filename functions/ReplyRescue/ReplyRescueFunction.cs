using System.Text;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Functions.Discord;
using MiniQuantDesk.Functions.Discord.Replies;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.ReplyRescue;

/// <summary>
/// Looks at a deferred Discord reply once its claim would have run out: delivered (row gone) is the usual end; a claim
/// still renewed is looked at again later; a claim run out means the process answering it died, and the reply is
/// answered from here. Past the token's life, or after <see cref="PendingReply.MaxTakeOvers"/> rescues, it is given up.
/// </summary>
public sealed class ReplyRescueFunction(ReplyClaims claims, DeskCommandRouter router) : IQueueFunction
{
    public string Name => "ReplyRescue";

    public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
    {
        var check = ReplyCheckMessage.Parse(message);
        var pending = await claims.FindAsync(check.InteractionId, cancellationToken);
        if (pending is null)
        {
            return; // delivered: the usual end
        }

        var now = claims.Now;
        if (now >= pending.RescueDeadline || pending.TakeOvers >= PendingReply.MaxTakeOvers)
        {
            await claims.AbandonAsync(pending, cancellationToken);
            context.Logger.LogWarning("Gave up the reply to {What} (interaction {Id}) after {TakeOvers} rescue(s), {Age:0} s after it was deferred: Discord shows the trader that it failed",
                pending.What, pending.InteractionId, pending.TakeOvers, (now - pending.DeferredAt).TotalSeconds);
            return;
        }

        if (pending.LeaseUntil > now)
        {
            await claims.CheckAgainAsync(pending, cancellationToken);
            return;
        }

        if (InteractionParser.Parse(Encoding.UTF8.GetBytes(pending.Body)).Interaction is not { } interaction || interaction.Id != pending.InteractionId)
        {
            await claims.AbandonAsync(pending, cancellationToken);
            context.Logger.LogError("Gave up the reply to interaction {Id}: its stored body is not that interaction", pending.InteractionId);
            return;
        }

        var rescued = await router.RescueAsync(pending, interaction, cancellationToken);
        context.Log(rescued
            ? $"rescued the reply to {pending.What} (interaction {pending.InteractionId}): its process died {(now - pending.LeaseUntil).TotalSeconds:0} s ago"
            : $"the reply to {pending.What} (interaction {pending.InteractionId}) was claimed by another process first");
    }
}
