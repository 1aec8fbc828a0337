namespace MiniQuantDesk.Functions.Hosting.Catalog;

/// <summary>host.json <c>extensions.queues</c>, with the Functions host's own defaults where a value is absent.</summary>
public sealed record QueueHostSettings(
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    bool Base64Encoding)
{
    public static QueueHostSettings Defaults { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 8, 5, true);

    /// <summary>
    /// How long a received message stays invisible while its invocation runs (the host's own lease, 10 minutes). A host
    /// that dies mid-invocation leaves its messages hidden this long; the fault campaign shortens it to see redelivery.
    /// </summary>
    public TimeSpan InvocationLease { get; init; } = TimeSpan.FromMinutes(10);
}
