namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>Where the custom handler answers: a process the local host started, or one already running.</summary>
public interface IHandlerEndpoint
{
    Uri BaseAddress { get; }

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync();
}

/// <summary>A handler someone else runs (a test's scripted handler, a debugger session).</summary>
public sealed class ExternalHandler(Uri baseAddress) : IHandlerEndpoint
{
    public Uri BaseAddress { get; } = baseAddress;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync() => Task.CompletedTask;
}
