using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// The live minute's way to ask the strategies: rebuild the indicators and every strategy from a stored bar
/// window, oldest first, and return what each says at the last bar. A pure function of the window, so a
/// re-delivered tick gets exactly the same answer (and the same intent id) as the first delivery.
/// The window must reach back past the slowest warm-up; session VWAP needs the whole session.
/// </summary>
public static class SignalReplay
{
    public static SignalKind[] AtLastBar(IReadOnlyList<Bar> window, IReadOnlyList<string> strategies, StrategyOptions options, IndicatorSetOptions? indicatorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(strategies);
        if (window.Count == 0)
        {
            throw new ArgumentException("no bars to replay", nameof(window));
        }

        var symbol = window[0].Symbol;
        var indicators = new IndicatorSet(symbol, indicatorOptions);
        var instances = strategies.Select(name => StrategyCatalog.Create(name, symbol, options)).ToArray();
        var signals = new SignalKind[instances.Length];
        foreach (var bar in window)
        {
            indicators.Update(bar);
            for (var k = 0; k < instances.Length; k++)
            {
                signals[k] = instances[k].OnBar(bar, indicators);
            }
        }

        return signals;
    }
}
