namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>One execution as the transaction log recorded it; <see cref="SignedQuantity"/> is + for a buy, - for a sell.</summary>
public sealed record DeskFill(DateTimeOffset At, string Symbol, decimal SignedQuantity, decimal Price, string ExecutionId);

/// <summary>A price known from <see cref="At"/> on (the close of a bar, at its end).</summary>
public readonly record struct PricePoint(DateTimeOffset At, decimal Price);

/// <summary>The account's value at an instant.</summary>
public sealed record EquitySample(DateTimeOffset At, decimal Equity, decimal Cash);

/// <summary>
/// Rebuilds the equity curve backwards from the broker's account as it is now: every fill after an instant is
/// undone (its cash given back, its shares taken away), and what is left is valued at the closes known at that
/// instant. Nothing has to be sampled or stored for it; what it cannot see (fees, deposits, corporate actions
/// inside the window) shows as a step. Pure: the read model supplies the inputs.
/// </summary>
public static class EquityCurve
{
    public static IReadOnlyList<EquitySample> Reconstruct(
        decimal cashNow,
        IReadOnlyDictionary<string, decimal> quantitiesNow,
        IReadOnlyList<DeskFill> fills,
        IReadOnlyDictionary<string, IReadOnlyList<PricePoint>> prices,
        IEnumerable<DateTimeOffset> instants)
    {
        var samples = new List<EquitySample>();
        foreach (var at in instants.Distinct().Order())
        {
            var cash = cashNow;
            var quantities = new Dictionary<string, decimal>(quantitiesNow, StringComparer.Ordinal);
            foreach (var fill in fills.Where(f => f.At > at))
            {
                cash += fill.SignedQuantity * fill.Price;
                quantities[fill.Symbol] = quantities.GetValueOrDefault(fill.Symbol) - fill.SignedQuantity;
            }

            var equity = cash;
            var priced = true;
            foreach (var (symbol, quantity) in quantities.Where(q => q.Value != 0m))
            {
                if (PriceAt(prices, symbol, at) is { } price)
                {
                    equity += quantity * price;
                }
                else
                {
                    priced = false; // a holding without a known price: no honest value for this instant
                    break;
                }
            }

            if (priced)
            {
                samples.Add(new EquitySample(at, equity, cash));
            }
        }

        return samples;
    }

    /// <summary>The last price known at <paramref name="at"/>.</summary>
    public static decimal? PriceAt(IReadOnlyDictionary<string, IReadOnlyList<PricePoint>> prices, string symbol, DateTimeOffset at)
    {
        if (!prices.TryGetValue(symbol, out var points))
        {
            return null;
        }

        decimal? last = null;
        foreach (var point in points)
        {
            if (point.At > at)
            {
                break;
            }

            last = point.Price;
        }

        return last;
    }
}
