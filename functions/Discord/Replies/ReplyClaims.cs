using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Interactions;

namespace MiniQuantDesk.Functions.Discord.Replies;

/// <summary>
/// Claims on deferred replies, on the real clock (a lease is wall time, whatever the market clock says). A claim is
/// opened when a reply is deferred, renewed while the reply is worked on and offered, closed when it is delivered or
/// given up; a claim that ran out belongs to a process that died, and ReplyRescue takes it over. Storage trouble
/// never stands between the trader and the answer: a claim that cannot be written only means this reply cannot be
/// rescued, and that is logged.
/// </summary>
public sealed class ReplyClaims(PendingReplyLedger ledger, ReplyCheckQueue checks, DiscordOptions options, TimeProvider clock, ILogger<ReplyClaims> logger)
{
    /// <summary>After a lease runs out, its check waits this much more, so a renewal already on its way lands first.</summary>
    private static readonly TimeSpan CheckSlack = TimeSpan.FromSeconds(2);

    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public TimeSpan Lease => options.ReplyLease;

    public DateTimeOffset Now => clock.GetUtcNow();

    internal TimeProvider Clock => clock;

    internal ILogger Logger => logger;

    /// <summary>Records a reply just deferred, and its check for when the lease would run out. Never throws.</summary>
    public async Task<ReplyLease> OpenAsync(Interaction interaction, string what, bool updatesMessage)
    {
        PendingReply? held = null;
        try
        {
            held = await ledger.OpenAsync(interaction, what, updatesMessage, owner, Now, Lease, CancellationToken.None);
            if (held is null)
            {
                logger.LogInformation("The deferred reply to interaction {Id} is not recorded (body too large, odd id, or recorded already): it cannot be rescued", interaction.Id);
                return ReplyLease.None;
            }

            var check = await checks.ScheduleAsync(held.InteractionId, held.DeferredAt + PendingReply.TokenLifetime, Lease + CheckSlack, CancellationToken.None);
            return new ReplyLease(this, held, check);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not record the deferred reply to interaction {Id}; it cannot be rescued if this process dies before sending it: {Error}", interaction.Id, ex.Message);
            if (held is not null)
            {
                await CloseQuietlyAsync(held.InteractionId, null);
            }

            return ReplyLease.None;
        }
    }

    public Task<PendingReply?> FindAsync(string interactionId, CancellationToken ct) => ledger.FindAsync(interactionId, ct);

    /// <summary>Takes over a reply whose claim ran out; null when another process moved the claim first.</summary>
    public async Task<ReplyLease?> TakeOverAsync(PendingReply orphan, CancellationToken ct)
    {
        var taken = await ledger.TryClaimAsync(orphan, owner, Now + Lease, orphan.TakeOvers + 1, ct);
        if (taken is null)
        {
            return null;
        }

        // A check of its own, in case this process dies too (bounded by MaxTakeOvers and the token's life).
        var check = await checks.ScheduleAsync(taken.InteractionId, taken.DeferredAt + PendingReply.TokenLifetime, Lease + CheckSlack, ct);
        return new ReplyLease(this, taken, check);
    }

    /// <summary>Looks again once the current claim would have run out.</summary>
    public Task CheckAgainAsync(PendingReply held, CancellationToken ct) =>
        checks.ScheduleAsync(held.InteractionId, held.DeferredAt + PendingReply.TokenLifetime, held.LeaseUntil - Now + CheckSlack, ct);

    /// <summary>Gives a reply up for good (its token is nearly spent, or rescuing it kept killing processes).</summary>
    public Task AbandonAsync(PendingReply reply, CancellationToken ct) => ledger.CloseAsync(reply.InteractionId, ct);

    /// <summary>
    /// Deletes claims whose token is dead (deferred over 15 minutes ago): answered and closed normally they are gone
    /// long before; what is left is a claim recorded while its process heard only a timeout. Bounded per run.
    /// </summary>
    public Task<int> SweepDeadAsync(CancellationToken ct) => ledger.DeleteDeferredBeforeAsync(Now - PendingReply.TokenLifetime, MaxSweptPerRun, ct);

    /// <summary>Rows one sweep deletes at most, so a backlog is worked off over a few timer runs, never in one long one.</summary>
    public const int MaxSweptPerRun = 500;

    internal async Task<PendingReply?> RenewAsync(PendingReply held) =>
        await ledger.TryClaimAsync(held, held.Owner, Now + Lease, held.TakeOvers, CancellationToken.None);

    internal async Task CloseQuietlyAsync(string interactionId, SendReceipt? check)
    {
        try
        {
            await ledger.CloseAsync(interactionId, CancellationToken.None);
            if (check is not null)
            {
                await checks.CancelAsync(check, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The row stays: its check finds the lease run out and answers again, which for a delivered reply
            // re-sends a fresh answer (reads) or the audited outcome (commands) — late, never wrong.
            logger.LogWarning("Could not close the claim on the reply to interaction {Id}: {Error}", interactionId, ex.Message);
        }
    }
}
