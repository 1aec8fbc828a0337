namespace MiniQuantDesk.Functions.Hosting.Catalog;

/// <summary>What host.json tells a Functions host about this app.</summary>
public sealed record HostDefinition(
    string DefaultExecutablePath,
    string WorkingDirectory,
    IReadOnlyList<string> Arguments,
    bool EnableForwardingHttpRequest,
    string RoutePrefix,
    TimeSpan FunctionTimeout,
    QueueHostSettings Queues);
