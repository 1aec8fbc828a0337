using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Research;

/// <summary>
/// Deliberately leaky: precomputed from the whole series like a vectorised backtest with a shift the wrong way —
/// at each bar it peeks at the NEXT bar's close: Buy if it is higher, Sell if lower.
/// </summary>
internal sealed class NextBarPeeker(string symbol, IReadOnlyList<Bar> series) : IStrategy
{
    private readonly Dictionary<DateTimeOffset, int> _index = series.Select((b, i) => (b.Start, i)).ToDictionary(p => p.Start, p => p.i);

    public string Name => "next-bar-peeker";

    public string Symbol => symbol;

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        var i = _index[bar.Start];
        if (i + 1 >= series.Count)
        {
            return SignalKind.None;
        }

        var next = series[i + 1].Close;
        return next > bar.Close ? SignalKind.Buy : next < bar.Close ? SignalKind.Sell : SignalKind.None;
    }
}

/// <summary>No look-ahead, but unbounded memory: Buy on a new all-time high close since the first bar it saw.</summary>
internal sealed class AllTimeHighBreakout(string symbol) : IStrategy
{
    private decimal _high = decimal.MinValue;

    public string Name => "all-time-high";

    public string Symbol => symbol;

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        var signal = bar.Close > _high && _high != decimal.MinValue ? SignalKind.Buy : SignalKind.None;
        _high = Math.Max(_high, bar.Close);
        return signal;
    }
}
