using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// A trigger's start-up call to storage (create its queue, read its timer status) waits for storage to answer
/// instead of ending the trigger: a host that starts during a storage outage, or whose first read meets one,
/// must still run every trigger once storage is back.
/// </summary>
internal static class StorageRetry
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public static async Task UntilAnsweredAsync(Func<Task> call, string what, ILogger logger, CancellationToken ct) =>
        await UntilAnsweredAsync(async () => { await call(); return true; }, what, logger, ct);

    public static Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call, string what, ILogger logger, CancellationToken ct) =>
        WithinAsync(call, what, Timeout.InfiniteTimeSpan, logger, ct);

    /// <summary>
    /// Retries a call that storage did not answer until it is answered or <paramref name="bound"/> has passed
    /// (then the last failure is thrown). Settling a message that ran well (its outputs, its delete) waits out a
    /// short outage this way rather than leaving the message to come back after its whole lease.
    /// </summary>
    public static async Task WithinAsync(Func<Task> call, string what, TimeSpan bound, ILogger logger, CancellationToken ct) =>
        await WithinAsync(async () => { await call(); return true; }, what, bound, logger, ct);

    public static async Task<T> WithinAsync<T>(Func<Task<T>> call, string what, TimeSpan bound, ILogger logger, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested
                                       && (bound == Timeout.InfiniteTimeSpan || TimeProvider.System.GetElapsedTime(started) < bound)
                                       && (ex is HttpRequestException or TimeoutException or AggregateException || Adapters.Storage.StorageOutage.Caused(ex)))
            {
                logger.LogWarning("{What}: storage did not answer ({Error}); retrying in {Delay} ms", what, ex.Message, (int)backoff.TotalMilliseconds);
                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
