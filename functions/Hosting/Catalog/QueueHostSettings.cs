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
}
