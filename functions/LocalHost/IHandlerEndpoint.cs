namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>Where the custom handler answers: a process the local host started, or one already running.</summary>
public interface IHandlerEndpoint
{
    Uri BaseAddress { get; }

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync();

    /// <summary>
    /// Returns once the handler answers (at once for one the host does not supervise), or after <paramref name="patience"/>.
    /// The Functions host holds new invocations while it restarts a worker that died instead of failing them.
    /// </summary>
    Task WaitUntilRunningAsync(TimeSpan patience, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A handler someone else runs (a test's scripted handler, a debugger session).</summary>
public sealed class ExternalHandler(Uri baseAddress) : IHandlerEndpoint
{
    public Uri BaseAddress { get; } = baseAddress;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync() => Task.CompletedTask;
}
