using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using Polly;
using Polly.Retry;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>
/// Holds a queue or timer invocation through a storage outage or an optimistic-concurrency conflict instead of
/// failing it. A failed invocation spends one of the message's deliveries (five, then the poison queue), so a few
/// short outages in a row used to poison an order intent that nothing was wrong with, and two minutes evaluated at
/// once (both writing the portfolio's sleeves) spent deliveries on conflicts. Every queue handler is idempotent, so
/// running the function again from the start is exactly a redelivery, only without the dequeue. Outages are held up
/// to <see cref="Budget"/> (inside the host's function timeout and the message's lease), conflicts up to
/// <see cref="ConflictRetries"/> times with a short jittered pause; other failures are not held.
/// </summary>
public sealed class InvocationHold
{
    private static readonly ResiliencePropertyKey<long> Started = new("invocation-hold.started");
    private static readonly ResiliencePropertyKey<string> Function = new("invocation-hold.function");

    /// <summary>Re-runs after a conflict: each re-reads what changed, so more than a few means real contention.</summary>
    public const int ConflictRetries = 6;

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;

    public InvocationHold(TimeSpan budget, ILogger<InvocationHold> logger, TimeProvider? realTime = null)
    {
        // Real time even when the market runs on a replayed clock: an outage lasts real seconds.
        _time = realTime ?? TimeProvider.System;
        Budget = budget;
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (budget > TimeSpan.Zero)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } failure
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && StorageOutage.Caused(failure)
                    && Elapsed(args.Context) < Budget),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(4),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "{Function}: storage did not answer ({Error}); holding the invocation, attempt {Attempt} in {Delay} ms ({Elapsed} s of {Budget} s)",
                        args.Context.Properties.GetValue(Function, "?"), args.Outcome.Exception?.Message, args.AttemptNumber + 2,
                        (int)args.RetryDelay.TotalMilliseconds, (int)Elapsed(args.Context).TotalSeconds, (int)Budget.TotalSeconds);
                    return default;
                },
            });
        }

        _pipeline = builder
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } failure && Conflict(failure)),
                MaxRetryAttempts = ConflictRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(40),
                OnRetry = args =>
                {
                    logger.LogInformation("{Function}: {Conflict}; running it again (retry {Retry} of {Max})",
                        args.Context.Properties.GetValue(Function, "?"), args.Outcome.Exception?.Message, args.AttemptNumber + 1, ConflictRetries);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>How long one invocation may wait for storage to come back before it fails like any other.</summary>
    public TimeSpan Budget { get; }

    /// <summary>No outage hold (conflicts are still run again).</summary>
    public static InvocationHold None { get; } = new(TimeSpan.Zero, Microsoft.Extensions.Logging.Abstractions.NullLogger<InvocationHold>.Instance);

    public async Task RunAsync(string functionName, Func<CancellationToken, Task> attempt, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(Started, _time.GetTimestamp());
        context.Properties.Set(Function, functionName);
        try
        {
            await _pipeline.ExecuteAsync(static async (c, run) => await run(c.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool Conflict(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyConflictException)
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan Elapsed(ResilienceContext context) =>
        _time.GetElapsedTime(context.Properties.GetValue(Started, _time.GetTimestamp()));
}
