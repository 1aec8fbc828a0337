using System.Collections.Immutable;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// Gross USD exposure already promised to orders in flight (placed, not yet filled or cancelled), in
/// total and per symbol. It never includes the order being checked.
/// </summary>
public sealed record ReservedExposure(decimal TotalUsd, IReadOnlyDictionary<string, decimal> BySymbolUsd)
{
    public static ReservedExposure None { get; } = new(0m, ImmutableDictionary<string, decimal>.Empty);

    public decimal For(string symbol) => BySymbolUsd.TryGetValue(symbol, out var usd) ? usd : 0m;
}
