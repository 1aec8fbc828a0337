namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// At-least-once delivery made visible on purpose (the fault campaign): a queue output written twice, as a
/// producer that retries after a lost acknowledgement does, and a message handled successfully but made visible
/// again instead of deleted, as after a host that dies between the invocation and the delete. Draws come from one
/// seeded Random so a campaign reproduces; the counts say how many faults were really injected.
/// </summary>
public sealed class DeliveryFaults(int seed)
{
    private readonly Random _random = new(seed);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byQueue = new(StringComparer.Ordinal);
    private int _duplicatedOutputs;
    private int _redeliveries;

    /// <summary>Chance that one queue output message is written twice.</summary>
    public double DuplicateOutputProbability { get; set; }

    /// <summary>Chance that a message handled on its first delivery is delivered again rather than deleted.</summary>
    public double RedeliveryProbability { get; set; }

    public int DuplicatedOutputs => Volatile.Read(ref _duplicatedOutputs);

    public int Redeliveries => Volatile.Read(ref _redeliveries);

    /// <summary>Both kinds by queue, so a report shows which flows the duplicates really reached.</summary>
    public IReadOnlyDictionary<string, int> ByQueue => new SortedDictionary<string, int>(_byQueue, StringComparer.Ordinal);

    internal bool DuplicateOutput(string queue)
    {
        if (!Draw(DuplicateOutputProbability))
        {
            return false;
        }

        Interlocked.Increment(ref _duplicatedOutputs);
        _byQueue.AddOrUpdate(queue, 1, (_, n) => n + 1);
        return true;
    }

    internal bool Redeliver(string queue, long dequeueCount)
    {
        if (dequeueCount > 1 || !Draw(RedeliveryProbability))
        {
            return false;
        }

        Interlocked.Increment(ref _redeliveries);
        _byQueue.AddOrUpdate(queue, 1, (_, n) => n + 1);
        return true;
    }

    private bool Draw(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        lock (_random)
        {
            return _random.NextDouble() < probability;
        }
    }
}
