using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Strategies;

/// <summary>Feeds every bar of a file to an indicator set and a strategy, as the engine does, and collects the signals.</summary>
internal static class StrategyRun
{
    public static List<(string Time, SignalKind Kind)> Signals(IReadOnlyList<Bar> bars, IStrategy strategy, IndicatorSetOptions? indicators = null)
    {
        var set = new IndicatorSet(strategy.Symbol, indicators);
        var signals = new List<(string, SignalKind)>();
        foreach (var bar in bars)
        {
            set.Update(bar);
            var signal = strategy.OnBar(bar, set);
            if (signal != SignalKind.None)
            {
                signals.Add((Time(bar.Start), signal));
            }
        }

        return signals;
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
