using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using NCrontab;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// One timer trigger on its six-field NCRONTAB schedule, in UTC as on Azure's Linux plans. Runs never
/// overlap; across instances a blob lease plus the recorded last occurrence make each occurrence fire
/// once. With <c>useMonitor</c>, a missed occurrence is caught up once at start with <c>IsPastDue</c>.
/// </summary>
public sealed class TimerScheduler
{
    private readonly FunctionDefinition _function;
    private readonly CrontabSchedule _schedule;
    private readonly BlobContainerClient _hosts;
    private readonly string _hostId;
    private readonly InvocationSender _sender;
    private readonly QueueOutputWriter _outputs;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TimerScheduler(FunctionDefinition function, BlobContainerClient hosts, string hostId, InvocationSender sender, QueueOutputWriter outputs, TimeProvider time, ILogger logger)
    {
        _function = function;
        _schedule = Parse(function);
        _hosts = hosts;
        _hostId = hostId;
        _sender = sender;
        _outputs = outputs;
        _time = time;
        _logger = logger;
    }

    public int Fired { get; private set; }

    /// <summary>The occurrence this scheduler is waiting for (null before its first wait).</summary>
    public DateTimeOffset? NextDue { get; private set; }

    private bool Monitored => _function.Trigger.UseMonitor ?? true;

    public static CrontabSchedule Parse(FunctionDefinition function)
    {
        var expression = function.Trigger.Schedule ?? throw new InvalidOperationException($"{function.Name}: timer trigger without a schedule");
        if (expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            throw new InvalidOperationException($"{function.Name}: schedule '{expression}' must have six fields (second minute hour day month day-of-week)");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"{function.Name}: schedule '{expression}' is not a valid NCRONTAB expression");
    }

    public DateTimeOffset NextAfter(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(instant.UtcDateTime), DateTimeKind.Utc));

    public async Task RunAsync(CancellationToken ct)
    {
        TimerStatus? status;
        try
        {
            await StorageRetry.UntilAnsweredAsync(() => _hosts.CreateIfNotExistsAsync(cancellationToken: ct), $"timer {_function.Name}", _logger, ct);
            status = await StorageRetry.UntilAnsweredAsync(() => ReadStatusAsync(ct), $"timer {_function.Name}", _logger, ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_function.Trigger.RunOnStartup)
        {
            await FireAsync(now, isPastDue: false, ct);
        }
        else if (Monitored && status?.Next is { } missed && missed < now)
        {
            await FireAsync(missed, isPastDue: true, ct);
        }

        while (!ct.IsCancellationRequested)
        {
            var next = NextAfter(_time.GetUtcNow());
            var wait = next - _time.GetUtcNow();
            try
            {
                var delay = wait > TimeSpan.Zero ? Task.Delay(wait, _time, ct) : Task.CompletedTask;
                NextDue = next; // published once the wait is registered with the clock
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FireAsync(next, isPastDue: false, ct);
        }
    }

    private async Task FireAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken ct)
    {
        var lockBlob = _hosts.GetBlobClient($"locks/{_hostId}/{_function.Name}/listener");
        var lease = lockBlob.GetBlobLeaseClient();
        string? leaseId = null;
        try
        {
            leaseId = await AcquireAsync(lockBlob, lease, ct);
            if (leaseId is null)
            {
                return; // another instance runs this timer
            }

            var status = await ReadStatusAsync(ct);
            if (status?.Last is { } done && done >= occurrence && !isPastDue)
            {
                return; // this occurrence already ran on another instance
            }

            using var activity = DeskTelemetry.Source.StartActivity($"timer {_function.Name}", ActivityKind.Producer);
            var next = NextAfter(occurrence);
            var payload = InvocationPayloads.Timer(_function.Name, _function.Trigger.Name, isPastDue, status?.Last, next, Monitored, _time.GetUtcNow());
            var outcome = await _sender.SendAsync(_function, payload, activity?.Id, ct);
            Fired++;
            await WriteStatusAsync(new TimerStatus(occurrence, next), ct);
            if (outcome.Succeeded)
            {
                await _outputs.WriteAsync(_function, outcome.QueueOutputs, ct);
            }
            else
            {
                // As in Azure, a failed timer run is not retried; the next occurrence is the next try.
                _logger.LogError("{Function} timer run for {Occurrence:O} failed: {Reason}", _function.Name, occurrence, outcome.Error);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogError("{Function} timer run for {Occurrence:O} could not start: {Error}", _function.Name, occurrence, ex.Message);
        }
        finally
        {
            if (leaseId is not null)
            {
                try
                {
                    await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
                }
                catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
                {
                    // It expires by itself (storage may be away right now: a campaign found this ending the timer).
                }
            }
        }
    }

    private static async Task<string?> AcquireAsync(BlobClient blob, BlobLeaseClient lease, CancellationToken ct)
    {
        try
        {
            if (!await blob.ExistsAsync(ct))
            {
                await blob.UploadAsync(BinaryData.FromString(string.Empty), overwrite: false, ct);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Created by another instance meanwhile.
        }

        try
        {
            return (await lease.AcquireAsync(TimeSpan.FromSeconds(60), cancellationToken: ct)).Value.LeaseId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    private BlobClient StatusBlob => _hosts.GetBlobClient($"timers/{_hostId}/{_function.Name}/status");

    private async Task<TimerStatus?> ReadStatusAsync(CancellationToken ct)
    {
        try
        {
            var content = await StatusBlob.DownloadContentAsync(ct);
            using var document = JsonDocument.Parse(content.Value.Content.ToString());
            DateTimeOffset? Read(string name) => document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture)
                : null;
            return new TimerStatus(Read("Last"), Read("Next"));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task WriteStatusAsync(TimerStatus status, CancellationToken ct)
    {
        var json = $"{{\"Last\":\"{status.Last:O}\",\"Next\":\"{status.Next:O}\"}}";
        await StatusBlob.UploadAsync(BinaryData.FromString(json), overwrite: true, ct);
    }

    private sealed record TimerStatus(DateTimeOffset? Last, DateTimeOffset? Next);
}
