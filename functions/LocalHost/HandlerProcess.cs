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
/// waits until <c>GET /</c> answers, and restarts it if it dies, as the Functions host does.
/// </summary>
public sealed class HandlerProcess(AppRoot app, IReadOnlyDictionary<string, string> environment, ILogger logger) : IHandlerEndpoint
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private int _port;
    private Task? _supervisor;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public int Restarts { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LaunchAsync(cancellationToken);
        _supervisor = SuperviseAsync(_stopping.Token);
    }

    /// <summary>Kills the handler abruptly (SIGKILL); the supervisor restarts it, as after a crash.</summary>
    public void Kill()
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

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        Kill();
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
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
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
                return; // any answer, even 404, means it listens
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25, ct);
            }
        }

        Kill();
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

            logger.LogWarning("Handler pid {Pid} exited with code {Code}; restarting", _process.Id, _process.ExitCode);
            try
            {
                await Task.Delay(backoff, ct);
                await LaunchAsync(ct);
                Restarts++;
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
