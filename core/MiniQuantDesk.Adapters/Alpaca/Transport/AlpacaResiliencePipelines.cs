using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>
/// total timeout → bounded retry → per-attempt timeout, on the injected <see cref="TimeProvider"/>.
/// The retry handles, for every call, a 429 whose rate-limit wait fits <see cref="AlpacaOptions.MaxRateLimitWait"/>;
/// and only for calls safe to repeat, 5xx, attempt timeouts and dropped connections.
/// </summary>
internal static class AlpacaResiliencePipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Build(AlpacaOptions options, TimeProvider time, bool safeToRepeat, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, safeToRepeat, options, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited
                        ? RateLimitWait.From(limited, time.GetUtcNow())
                        : null),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    var call = args.Context.Properties.TryGetValue(CallKey, out var c) ? c : "call";
                    AlpacaLog.Retrying(logger, call, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    public static readonly ResiliencePropertyKey<string> CallKey = new("alpaca.call");

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool safeToRepeat, AlpacaOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return safeToRepeat && outcome.Exception is TimeoutRejectedException or HttpRequestException;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // A 429 was refused before any processing, so even a submit may go again; the wait must fit the budget.
            var wait = RateLimitWait.From(response, time.GetUtcNow());
            return wait is null || wait <= options.MaxRateLimitWait;
        }

        return safeToRepeat && (int)response.StatusCode is >= 500 and <= 599;
    }
}
