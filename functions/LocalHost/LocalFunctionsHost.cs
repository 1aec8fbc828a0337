using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// Our stand-in for <c>func start</c>: reads host.json and every function.json, and drives the handler
/// with timer, queue and HTTP triggers against Azure Storage (Azurite locally). It holds no trading
/// logic; a user with Core Tools can replace it by <c>func start</c> in the same folder.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    public const string HostVersion = "4.1040.0-local";

    private readonly AppRoot _app;
    private readonly IHandlerEndpoint _handler;
    private readonly StorageAccount _storage;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly QueueHostSettings _queues;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private readonly List<QueueListener> _listeners = [];
    private readonly DeliveryFaults? _faults;
    private readonly Action<string, string>? _outputTap;
    private HttpFrontEnd? _front;

    public LocalFunctionsHost(AppRoot app, IHandlerEndpoint handler, StorageAccount storage, TimeProvider time, ILoggerFactory loggers, QueueHostSettings? queues = null, string hostId = "minquantdesk-local", DeliveryFaults? faults = null, Action<string, string>? outputTap = null)
    {
        _faults = faults;
        _outputTap = outputTap;
        _app = app;
        _handler = handler;
        _storage = storage;
        _time = time;
        _loggers = loggers;
        _queues = queues ?? app.Host.Queues;
        HostId = hostId;
        // The host's client waits functionTimeout + 1 minute before giving up on the handler.
        _http = new HttpClient { Timeout = app.Host.FunctionTimeout + TimeSpan.FromMinutes(1) };
    }

    public string HostId { get; }

    public Uri? HttpBaseAddress => _front?.BaseAddress;

    public IReadOnlyList<TimerScheduler> Timers { get; private set; } = [];

    /// <summary>Triggers (queue listeners, timers) that ended on an exception: each is a crash of the host.</summary>
    public int CrashedTriggers => _running.Count(t => t.IsFaulted);

    public async Task StartAsync(int httpPort, CancellationToken ct)
    {
        await _handler.StartAsync(ct);
        var sender = new InvocationSender(_http, _handler);
        var writer = new QueueOutputWriter(_storage, Wake, _faults, _outputTap);
        var logger = _loggers.CreateLogger("Host");
        var timers = new List<TimerScheduler>();
        foreach (var function in _app.Functions)
        {
            switch (function.Kind)
            {
                case TriggerKind.Queue:
                    var name = function.Trigger.QueueName ?? throw new InvalidOperationException($"{function.Name}: queue trigger without queueName");
                    var listener = new QueueListener(function, _storage.Queue(name), _storage.Queue($"{name}-poison"), _queues, sender, writer, TimeProvider.System, _loggers.CreateLogger($"Host.{function.Name}"), _faults);
                    _listeners.Add(listener);
                    _running.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
                    break;
                case TriggerKind.Timer:
                    var timer = new TimerScheduler(function, _storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts"), HostId, sender, writer, _time, _loggers.CreateLogger($"Host.{function.Name}"));
                    timers.Add(timer);
                    _running.Add(Task.Run(() => timer.RunAsync(_stopping.Token), CancellationToken.None));
                    break;
            }
        }

        Timers = timers;
        _front = new HttpFrontEnd(_app, sender, _http, _handler, _time);
        await _front.StartAsync(httpPort, ct);
        logger.LogInformation("Local host: {Count} functions, HTTP at {Address}", _app.Functions.Count, _front.BaseAddress);
        foreach (var function in _app.Functions)
        {
            logger.LogInformation("  {Function}: {Trigger} {Detail}", function.Name, function.Kind,
                function.Kind switch
                {
                    TriggerKind.Http => $"{string.Join(",", function.Trigger.Methods ?? [])} {_front.BaseAddress}{_app.Host.RoutePrefix}/{function.HttpRoute}",
                    TriggerKind.Queue => function.Trigger.QueueName,
                    _ => function.Trigger.Schedule + " (UTC)",
                });
        }
    }

    private void Wake(string queueName)
    {
        foreach (var listener in _listeners.Where(l => l.QueueName == queueName))
        {
            listener.Wake();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
        catch (Exception ex)
        {
            // A trigger that died is counted in CrashedTriggers; stopping must still stop the handler.
            _loggers.CreateLogger("Host").LogError("A trigger had failed before the host stopped: {Error}", ex.Message);
        }

        if (_front is not null)
        {
            await _front.StopAsync();
        }

        await _handler.StopAsync();
        _http.Dispose();
        _stopping.Dispose();
    }
}
