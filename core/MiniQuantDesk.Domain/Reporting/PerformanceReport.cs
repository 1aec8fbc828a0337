using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// Realised P&amp;L, closing trades and wins per symbol and per strategy set since <see cref="Since"/>.
/// Every fill the desk ever made is replayed from flat (average cost, as the books keep it), so a trade
/// closed in the period is measured against what it cost, even when it was opened before.
/// </summary>
public sealed record PerformanceReport(DateTimeOffset Since, IReadOnlyList<PerformanceLine> BySymbol, IReadOnlyList<PerformanceLine> ByStrategy)
{
    public decimal RealizedPnl => BySymbol.Sum(l => l.RealizedPnl);

    /// <param name="fills">All the desk's fills, any order.</param>
    /// <param name="strategyOf">The strategy set an order belongs to (from its client order id).</param>
    public static PerformanceReport Build(IEnumerable<FillEvent> fills, DateTimeOffset since, Func<string, string> strategyOf)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(strategyOf);
        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        var closing = new Dictionary<string, (string Symbol, string Strategy, decimal Pnl)>(StringComparer.Ordinal);
        foreach (var fill in fills.OrderBy(f => f.At).ThenBy(f => f.ExecutionId, StringComparer.Ordinal))
        {
            var before = positions.GetValueOrDefault(fill.Symbol) ?? Position.Flat(fill.Symbol);
            var change = before.Apply(fill);
            positions[fill.Symbol] = change.Position;
            var reduces = before.Quantity != 0m && Math.Sign(fill.SignedQuantity) != Math.Sign(before.Quantity);
            if (reduces && fill.At >= since)
            {
                var seen = closing.TryGetValue(fill.ClientOrderId, out var known) ? known : (Symbol: fill.Symbol, Strategy: strategyOf(fill.ClientOrderId), Pnl: 0m);
                closing[fill.ClientOrderId] = seen with { Pnl = seen.Pnl + change.RealizedPnl };
            }
        }

        return new PerformanceReport(since, Lines(closing.Values.Select(c => (c.Symbol, c.Pnl))), Lines(closing.Values.Select(c => (c.Strategy, c.Pnl))));
    }

    private static List<PerformanceLine> Lines(IEnumerable<(string Group, decimal Pnl)> trades) =>
        trades.GroupBy(t => t.Group, StringComparer.Ordinal)
            .Select(g => new PerformanceLine(g.Key, g.Sum(t => t.Pnl), g.Count(), g.Count(t => t.Pnl > 0m)))
            .OrderByDescending(l => l.RealizedPnl).ThenBy(l => l.Group, StringComparer.Ordinal)
            .ToList();
}
