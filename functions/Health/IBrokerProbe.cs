namespace MiniQuantDesk.Functions.Health;

/// <summary>Asks the broker whether it answers, and whether the market is open.</summary>
public interface IBrokerProbe
{
    Task<BrokerProbeResult> ProbeAsync(CancellationToken cancellationToken);
}

public sealed record BrokerProbeResult(bool Reachable, bool? MarketOpen, string? Error);
