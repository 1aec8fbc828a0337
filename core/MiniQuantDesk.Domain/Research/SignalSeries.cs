using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>The signal a strategy gives at every bar of a single-symbol series, fed as the backtest and live feed it (indicators first, then the strategy).</summary>
public static class SignalSeries
{
    public static SignalKind[] Compute(IReadOnlyList<Bar> bars, StrategyFactory create, IndicatorSetOptions? indicatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(create);
        var signals = new SignalKind[bars.Count];
        if (bars.Count == 0)
        {
            return signals;
        }

        var symbol = bars[0].Symbol;
        var indicators = new IndicatorSet(symbol, indicatorOptions);
        var strategy = create(symbol, bars);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            indicators.Update(bar);
            signals[i] = strategy.OnBar(bar, indicators);
        }

        return signals;
    }

    /// <summary>The bars [start, end] (inclusive) as a list view, without copying.</summary>
    internal static IReadOnlyList<Bar> Slice(IReadOnlyList<Bar> bars, int start, int end) =>
        bars is Bar[] array ? new ArraySegment<Bar>(array, start, end - start + 1) : bars.Skip(start).Take(end - start + 1).ToArray();
}
