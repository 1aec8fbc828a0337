using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Matches the backtest's fills with the desk's: in time order, each backtest fill takes the earliest unmatched
/// desk fill of the same symbol and side within [bar start, bar start + window] (the live desk sees a bar after
/// its close and its market order fills a few seconds into the next bar — the bar the backtest fills at).
/// </summary>
public static class ParityCheck
{
    public static IReadOnlyList<ExpectedFill> Fills(IEnumerable<BacktestTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return [.. trades
            .SelectMany(t => new[]
            {
                new ExpectedFill(t.Symbol, OrderSide.Buy, t.Quantity, t.EntryPrice, t.EntryTime),
                new ExpectedFill(t.Symbol, OrderSide.Sell, t.Quantity, t.ExitPrice, t.ExitTime),
            })
            .OrderBy(f => f.At).ThenBy(f => f.Symbol, StringComparer.Ordinal)];
    }

    public static ParityReport Compare(IReadOnlyList<ExpectedFill> expected, IReadOnlyList<PaperFill> actual, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var unmatched = actual.OrderBy(f => f.At).ToList();
        var matched = new List<ParityMatch>();
        var missed = new List<ExpectedFill>();
        foreach (var e in expected.OrderBy(f => f.At))
        {
            var k = unmatched.FindIndex(a => a.Side == e.Side && string.Equals(a.Symbol, e.Symbol, StringComparison.Ordinal) && a.At >= e.At && a.At <= e.At + window);
            if (k < 0)
            {
                missed.Add(e);
                continue;
            }

            matched.Add(new ParityMatch(e, unmatched[k]));
            unmatched.RemoveAt(k);
        }

        return new ParityReport(matched, missed, unmatched);
    }
}
