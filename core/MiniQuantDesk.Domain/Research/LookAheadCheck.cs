using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Look-ahead bias: a signal at bar i may only use bars 0..i. The check runs the strategy on the full series,
/// then on series cut after bar c for many c — every bar where the full series signals (a leak shows where the
/// future made it act; evenly thinned to <c>maxCuts</c>) plus evenly spaced bars (a leak that makes it hold
/// back) — and compares every signal up to each cut. The first differing bar is reported.
/// </summary>
public static class LookAheadCheck
{
    public const int DefaultMaxCuts = 200;

    public static BiasFinding Run(IReadOnlyList<Bar> bars, StrategyUnderTest strategy, IndicatorSetOptions? indicatorOptions = null, int maxCuts = DefaultMaxCuts)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCuts, 1);
        var symbol = SingleSymbol(bars);
        var full = SignalSeries.Compute(bars, strategy.Create, indicatorOptions);
        SignalDifference? first = null;
        var cuts = Cuts(full, maxCuts);
        foreach (var cut in cuts)
        {
            var shortened = SignalSeries.Compute(SignalSeries.Slice(bars, 0, cut), strategy.Create, indicatorOptions);
            for (var i = 0; i <= cut && (first is null || i < first.Index); i++)
            {
                if (shortened[i] != full[i])
                {
                    first = new SignalDifference(i, bars[i].Start, full[i], shortened[i], 0, cut);
                    break;
                }
            }
        }

        return new BiasFinding(strategy.Name, symbol, BiasCheckKind.LookAhead, cuts.Count, first);
    }

    internal static string SingleSymbol(IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0)
        {
            throw new ArgumentException("no bars to check", nameof(bars));
        }

        var symbol = bars[0].Symbol;
        for (var i = 1; i < bars.Count; i++)
        {
            if (!string.Equals(bars[i].Symbol, symbol, StringComparison.Ordinal))
            {
                throw new ArgumentException($"a bias check runs on one symbol's bars; found {symbol} and {bars[i].Symbol}", nameof(bars));
            }
        }

        return symbol;
    }

    private static List<int> Cuts(SignalKind[] full, int maxCuts)
    {
        var last = full.Length - 1;
        var signalled = Enumerable.Range(0, full.Length).Where(i => full[i] != SignalKind.None && i < last).ToList();
        var cuts = new SortedSet<int>(Thin(signalled, maxCuts));
        var spaced = Math.Max(1, maxCuts / 4);
        for (var k = 0; k < spaced; k++)
        {
            cuts.Add((int)((long)k * last / spaced));
        }

        cuts.Remove(last);
        return [.. cuts];
    }

    private static IEnumerable<int> Thin(List<int> indexes, int max) =>
        indexes.Count <= max ? indexes : Enumerable.Range(0, max).Select(k => indexes[(int)((long)k * indexes.Count / max)]);
}
