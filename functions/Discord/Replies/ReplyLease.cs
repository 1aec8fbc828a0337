using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Functions.Discord.Replies;

/// <summary>
/// One process's claim on one deferred reply while it works on it and offers it to Discord: renewed every quarter
/// of the lease, so the rescue leaves it alone while this process lives; closed (row and check deleted) on dispose,
/// which the sender does once the reply is delivered or given up. A claim it finds moved was taken over by a rescue
/// that thought this process dead; it stops renewing but still sends, since the answer it holds is true.
/// </summary>
public sealed class ReplyLease : IAsyncDisposable
{
    private readonly ReplyClaims? claims;
    private readonly SendReceipt? check;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing = Task.CompletedTask;
    private PendingReply? held;

    internal ReplyLease(ReplyClaims claims, PendingReply held, SendReceipt? check)
    {
        this.claims = claims;
        this.held = held;
        this.check = check;
        renewing = RenewAsync();
    }

    private ReplyLease()
    {
    }

    /// <summary>No claim (it could not be recorded): nothing to renew or close.</summary>
    public static ReplyLease None => new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        if (claims is not null && held is not null)
        {
            await claims.CloseQuietlyAsync(held.InteractionId, check);
        }

        stop.Dispose();
    }

    private async Task RenewAsync()
    {
        var every = claims!.Lease / 4;
        while (held is not null)
        {
            try
            {
                await Task.Delay(every, claims.Clock, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var id = held.InteractionId;
            try
            {
                var renewed = await claims.RenewAsync(held);
                if (renewed is null)
                {
                    claims.Logger.LogInformation("The claim on the reply to interaction {Id} was taken over: this process sends what it has and leaves the row to the rescuer", id);
                    held = null;
                    return;
                }

                held = renewed;
            }
            catch (Exception ex)
            {
                // Storage unreachable for a moment: the next quarter tries again; the lease has three more quarters.
                claims.Logger.LogDebug("Could not renew the claim on the reply to interaction {Id}: {Error}", id, ex.Message);
            }
        }
    }
}
