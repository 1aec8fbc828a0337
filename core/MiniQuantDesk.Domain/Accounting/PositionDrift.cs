namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// A symbol whose quantity at the broker differs from the desk's books. Drift is reported and never traded
/// away: the desk cannot know which side is right (a manual trade, a missed fill, a corporate action).
/// </summary>
public sealed record PositionDrift(string Symbol, decimal DeskQuantity, decimal BrokerQuantity)
{
    public decimal Difference => BrokerQuantity - DeskQuantity;

    /// <summary>Every symbol held on either side whose signed quantities differ; flat on both sides is no drift.</summary>
    public static IReadOnlyList<PositionDrift> Compare(IReadOnlyDictionary<string, decimal> desk, IReadOnlyDictionary<string, decimal> broker)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(broker);
        return desk.Keys.Union(broker.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(symbol => new PositionDrift(symbol, desk.GetValueOrDefault(symbol), broker.GetValueOrDefault(symbol)))
            .Where(d => d.DeskQuantity != d.BrokerQuantity)
            .ToList();
    }
}
