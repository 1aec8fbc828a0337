using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// Moving-average crossover on the close: <see cref="SignalKind.Buy"/> when d = SMA(fast) − SMA(slow) turns
/// positive (d &gt; 0 after d ≤ 0), <see cref="SignalKind.Sell"/> when it turns negative (d &lt; 0 after d ≥ 0).
/// d is compared exactly (<see cref="ExactMeanSpread"/>: one window, each close converted once): with cent
/// prices d = 0 really happens and a double could flip its sign. Warm-up: the first signal can come at the bar after the slow
/// window fills (0-based bar index <c>Slow</c>). The windows never reset (they run across sessions).
/// </summary>
public sealed class SmaCrossover : IStrategy
{
    public const string CatalogName = "sma-crossover";

    private readonly ExactMeanSpread _spread;
    private int _previousSign;
    private bool _hasPrevious;

    public SmaCrossover(string symbol, SmaCrossoverOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(options);
        StrategyOptions.ThrowIfInvalid(options.Validate());
        Symbol = symbol;
        _spread = new ExactMeanSpread(options.Fast, options.Slow);
    }

    public string Name => CatalogName;

    public string Symbol { get; }

    /// <summary>Sign of SMA(fast) − SMA(slow) at the last bar (0 before the slow window is full).</summary>
    public int Spread => _hasPrevious ? _previousSign : 0;

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        _spread.Add(bar.Close);
        if (!_spread.IsReady)
        {
            return SignalKind.None;
        }

        var sign = _spread.Sign();
        var signal = SignalKind.None;
        if (_hasPrevious)
        {
            if (sign > 0 && _previousSign <= 0)
            {
                signal = SignalKind.Buy;
            }
            else if (sign < 0 && _previousSign >= 0)
            {
                signal = SignalKind.Sell;
            }
        }

        _previousSign = sign;
        _hasPrevious = true;
        return signal;
    }
}
