using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// A real Azurite (Blobs, Queues, Tables) on loopback, started from the pinned install under
/// infra/azurite. Port 0 lets Azurite pick free ports, so two test runs, or a test run beside a
/// user's own Azurite on 10000-10002, never collide.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string? _location;

    private AzuriteProcess(Process process, int blob, int queue, int table, string? location)
    {
        _process = process;
        BlobPort = blob;
        QueuePort = queue;
        TablePort = table;
        _location = location;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    /// <summary>Starts Azurite. <paramref name="location"/> null keeps data in memory (tests); a folder keeps it on disk.</summary>
    public static async Task<AzuriteProcess> StartAsync(string? location = null, int blobPort = 0, int queuePort = 0, int tablePort = 0, CancellationToken ct = default)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
                     "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
                     "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
                var match = Listening().Match(line);
                if (match.Success)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"Azurite exited with code {process.ExitCode} before listening: {string.Join(" | ", output)}"));

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch
        {
            Kill(process);
            throw;
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"], location);
    }

    /// <summary>Finds the pinned install by walking up from the app to the repository's infra folder.</summary>
    public static string FindExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AZURITE_EXECUTABLE");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "infra", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run infra/install-azurite.sh (or set AZURITE_EXECUTABLE)");
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>
    /// Stops Azurite as an orderly shutdown does (SIGTERM: it closes its stores, so data on disk is complete), or
    /// abruptly when it does not exit within <paramref name="patience"/>. Start it again on the same ports and location
    /// to have the same account back.
    /// </summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || SendSignal(_process.Id, SignalTerminate) != 0)
        {
            Kill(_process);
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill(_process);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    private const int SignalTerminate = 15;

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks for nothing gained on one int call
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
#pragma warning restore SYSLIB1054

    /// <summary>Stops Azurite abruptly, as a crash would; its on-disk data (when it has a location) stays.</summary>
    public void Kill() => Kill(_process);

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public override string ToString() => $"Azurite pid {_process.Id} blob {BlobPort} queue {QueuePort} table {TablePort}{(_location is null ? " (in memory)" : $" at {_location}")}";

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\d+)")]
    private static partial Regex Listening();
}
