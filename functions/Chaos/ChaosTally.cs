namespace MiniQuantDesk.Functions.Chaos;

/// <summary>The process faults the campaign injected (request faults are counted where they happen).</summary>
public sealed class ChaosTally
{
    private int _kills;
    private int _azuriteRestarts;
    private int _instanceStarts;

    public int HandlerKills => Volatile.Read(ref _kills);

    public int AzuriteRestarts => Volatile.Read(ref _azuriteRestarts);

    public int SecondInstanceWindows => Volatile.Read(ref _instanceStarts);

    public TimeSpan SecondInstanceTime { get; set; }

    /// <summary>What the trader's checks from the phone came to (counted once they have all ended).</summary>
    public PhoneFigures Phone { get; set; } = PhoneFigures.None;

    public void Killed() => Interlocked.Increment(ref _kills);

    public void AzuriteRestarted() => Interlocked.Increment(ref _azuriteRestarts);

    public void InstanceStarted() => Interlocked.Increment(ref _instanceStarts);
}
