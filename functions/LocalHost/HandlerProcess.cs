using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// Starts the executable host.json names, on a free port passed as <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>,
/// waits until <c>GET /</c> answers, and restarts it if it dies, as the Functions host does. With
/// <paramref name="outputFile"/> its stdout and stderr go to that file (appended, across restarts) instead of the console.
/// </summary>
public sealed class HandlerProcess(AppRoot app, IReadOnlyDictionary<string, string> environment, ILogger logger, string? outputFile = null) : IHandlerEndpoint
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private int _port;
    private Task? _supervisor;
    private StreamWriter? _output;
    private volatile TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _kills;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public int Restarts { get; private set; }

    /// <summary>Exits nobody asked for (<see cref="Restarts"/> minus <see cref="Kill"/> calls that hit a running process).</summary>
    public int Crashes => Math.Max(0, Restarts - Volatile.Read(ref _kills));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LaunchAsync(cancellationToken);
        _supervisor = SuperviseAsync(_stopping.Token);
    }

    /// <summary>Kills the handler abruptly (SIGKILL); the supervisor restarts it, as after a crash.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            Interlocked.Increment(ref _kills);
        }

        MarkDown();
        Terminate();
    }

    /// <summary>New invocations wait from here until the restarted handler answers.</summary>
    private void MarkDown()
    {
        lock (_probe)
        {
            if (_running.Task.IsCompleted)
            {
                _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Terminate()
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async Task WaitUntilRunningAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        try
        {
            await _running.Task.WaitAsync(patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still down: the invocation is sent anyway and fails like any other, so its message is retried.
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        Terminate();
        if (_supervisor is not null)
        {
            try
            {
                await _supervisor.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }
        }

        _process?.Dispose();
        _probe.Dispose();
        if (_output is not null)
        {
            await _output.DisposeAsync();
        }
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        _port = FreePort();
        var start = new ProcessStartInfo(ResolveExecutable())
        {
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(app.Path, app.Host.WorkingDirectory),
        };
        foreach (var argument in app.Host.Arguments)
        {
            start.ArgumentList.Add(Environment.ExpandEnvironmentVariables(argument));
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment[HandlerServer.PortSetting] = _port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        if (outputFile is not null)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            _output ??= new StreamWriter(new FileStream(outputFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        if (outputFile is not null)
        {
            _process.OutputDataReceived += (_, e) => WriteOutput(e.Data);
            _process.ErrorDataReceived += (_, e) => WriteOutput(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        logger.LogInformation("Started handler {Executable} pid {Pid} on port {Port}", start.FileName, _process.Id, _port);

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the handler exited with code {_process.ExitCode} during start-up (see its output above)");
            }

            try
            {
                using var response = await _probe.GetAsync(BaseAddress, ct);
                lock (_probe)
                {
                    _running.TrySetResult(); // any answer, even 404, means it listens
                }

                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25, ct);
            }
        }

        Terminate();
        throw new TimeoutException($"the handler did not answer GET / within {StartTimeout.TotalSeconds} s");
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _process!.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            MarkDown();
            logger.LogWarning("Handler pid {Pid} exited with code {Code}; restarting", _process.Id, _process.ExitCode);
            try
            {
                await Task.Delay(backoff, ct);
                // Counted when it starts: a start cut short (a kill during start-up) is a restart too.
                Restarts++;
                await LaunchAsync(ct);
                backoff = TimeSpan.FromMilliseconds(250);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Handler restart failed: {Error}", ex.Message);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private void WriteOutput(string? line)
    {
        if (line is null || _output is null)
        {
            return;
        }

        lock (_output)
        {
            _output.WriteLine(line);
        }
    }

    private string ResolveExecutable()
    {
        var candidate = Path.Combine(app.Path, app.Host.WorkingDirectory, app.Host.DefaultExecutablePath);
        return File.Exists(candidate) ? candidate : app.Host.DefaultExecutablePath; // otherwise a command on PATH, as the host does
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
