using System.Diagnostics;

namespace MiniQuantDesk.Functions.Health;

/// <summary>Runs one check under its own timeout: a hung dependency is reported as failed, never waited on.</summary>
public static class HealthCheck
{
    public static async Task<HealthCheckResult<T>> RunAsync<T>(Func<CancellationToken, Task<T>> check, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            var value = await check(cts.Token).WaitAsync(timeout, time, ct);
            return new HealthCheckResult<T>(true, value, null, time.GetElapsedTime(started));
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult<T>(false, default, $"timed out after {timeout.TotalSeconds:0.###} s", time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HealthCheckResult<T>(false, default, $"timed out after {timeout.TotalSeconds:0.###} s", time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Activity.Current?.AddException(ex);
            return new HealthCheckResult<T>(false, default, ex.GetType().Name + ": " + FirstLine(ex.Message), time.GetElapsedTime(started));
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

public sealed record HealthCheckResult<T>(bool Ok, T? Value, string? Error, TimeSpan Elapsed);
