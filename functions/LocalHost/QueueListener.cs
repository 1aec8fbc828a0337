using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// One queue trigger: polls with a randomised exponential back-off up to maxPollingInterval, invokes
/// the handler per message, writes outputs then deletes on success; on failure makes the message
/// visible again after visibilityTimeout, and after maxDequeueCount moves it to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed class QueueListener(
    FunctionDefinition function,
    QueueClient queue,
    QueueClient poison,
    QueueHostSettings settings,
    InvocationSender sender,
    QueueOutputWriter outputs,
    TimeProvider time,
    ILogger logger,
    DeliveryFaults? faults = null)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public string QueueName => queue.Name;

    public void Wake() => _wake.Release();

    public async Task RunAsync(CancellationToken ct)
    {
        await StorageRetry.UntilAnsweredAsync(() => queue.CreateIfNotExistsAsync(cancellationToken: ct), $"queue {queue.Name}", logger, ct);
        var delay = MinimumPollingInterval;
        while (!ct.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.InvocationLease, ct)).Value;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Queue {Queue}: receive failed ({Error}); retrying", queue.Name, ex.Message);
                batch = [];
            }

            if (batch.Length == 0)
            {
                delay = NextDelay(delay);
                await WaitAsync(delay, ct);
                continue;
            }

            delay = MinimumPollingInterval;
            await Task.WhenAll(batch.Select(message => ProcessAsync(message, ct)));
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken ct)
    {
        var delivery = new QueueDelivery(message.MessageText, message.MessageId, message.PopReceipt, message.DequeueCount, message.InsertedOn, message.ExpiresOn, message.NextVisibleOn);
        var payload = InvocationPayloads.Queue(function.Name, function.Trigger.Name, delivery, time.GetUtcNow());
        try
        {
            var outcome = await sender.SendAsync(function, payload, null, ct);
            if (outcome.Succeeded)
            {
                // Outputs first, then the delete: a crash between them redelivers (handlers are idempotent), never
                // drops an output. Each waits out a short storage outage within half the message's lease.
                var settleWithin = settings.InvocationLease / 2;
                await StorageRetry.WithinAsync(() => outputs.WriteAsync(function, outcome.QueueOutputs, ct), $"{function.Name} outputs", settleWithin, logger, ct);
                if (faults?.Redeliver(queue.Name, message.DequeueCount) == true)
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct);
                    return;
                }

                await StorageRetry.WithinAsync(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct), $"{function.Name} delete", settleWithin, logger, ct);
                return;
            }

            await FailAsync(message, outcome.Error ?? "failed", ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lease runs out.
        }
        catch (Exception ex)
        {
            logger.LogError("Queue {Queue}: message {Id} could not be settled: {Error}", queue.Name, message.MessageId, ex.Message);
        }
    }

    private async Task FailAsync(QueueMessage message, string reason, CancellationToken ct)
    {
        if (message.DequeueCount >= settings.MaxDequeueCount)
        {
            await poison.CreateIfNotExistsAsync(cancellationToken: ct);
            await poison.SendMessageAsync(message.MessageText, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            logger.LogError("{Function}: message {Id} moved to {Poison} after {Count} attempts. Last failure: {Reason}",
                function.Name, message.MessageId, poison.Name, message.DequeueCount, reason);
            return;
        }

        logger.LogWarning("{Function}: message {Id} attempt {Count} of {Max} failed: {Reason}",
            function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, reason);
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: ct);
    }

    private TimeSpan NextDelay(TimeSpan current)
    {
        var doubled = current.Ticks * 2;
        var jittered = (long)(doubled * (0.8 + (Random.Shared.NextDouble() * 0.4)));
        return TimeSpan.FromTicks(Math.Clamp(jittered, MinimumPollingInterval.Ticks, Math.Max(MinimumPollingInterval.Ticks, settings.MaxPollingInterval.Ticks)));
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await _wake.WaitAsync(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }
    }
}

internal static class SemaphoreWaitExtensions
{
    /// <summary>Waits for a wake-up or for the delay on the given clock, whichever comes first.</summary>
    public static async Task WaitAsync(this SemaphoreSlim semaphore, TimeSpan delay, TimeProvider time, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var wake = semaphore.WaitAsync(cts.Token);
        var sleep = Task.Delay(delay, time, cts.Token);
        await Task.WhenAny(wake, sleep);
        await cts.CancelAsync();
        try
        {
            await Task.WhenAll(wake, sleep);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
