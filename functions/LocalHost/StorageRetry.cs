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

    public static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call, string what, ILogger logger, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is Azure.RequestFailedException or HttpRequestException or AggregateException or TimeoutException)
            {
                logger.LogWarning("{What}: storage did not answer ({Error}); retrying in {Delay} ms", what, ex.Message, (int)backoff.TotalMilliseconds);
                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }
}
