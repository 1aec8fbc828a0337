using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// Moving-average crossover on the close: <see cref="SignalKind.Buy"/> when d = SMA(fast) − SMA(slow) turns
/// positive (d &gt; 0 after d ≤ 0), <see cref="SignalKind.Sell"/> when it turns negative (d &lt; 0 after d ≥ 0).
/// d is compared exactly (<see cref="ExactRollingSum.CompareMeans"/>): with cent prices d = 0 really
/// happens and a double could flip its sign. Warm-up: the first signal can come at the bar after the slow
/// window fills (0-based bar index <c>Slow</c>). The windows never reset (they run across sessions).
/// </summary>
public sealed class SmaCrossover : IStrategy
{
    public const string CatalogName = "sma-crossover";

    private readonly ExactRollingSum _fast;
    private readonly ExactRollingSum _slow;
    private int _previousSign;
    private bool _hasPrevious;

    public SmaCrossover(string symbol, SmaCrossoverOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(options);
        StrategyOptions.ThrowIfInvalid(options.Validate());
        Symbol = symbol;
        _fast = new ExactRollingSum(options.Fast);
        _slow = new ExactRollingSum(options.Slow);
    }

    public string Name => CatalogName;

    public string Symbol { get; }

    /// <summary>Sign of SMA(fast) − SMA(slow) at the last bar (0 before the slow window is full).</summary>
    public int Spread => _hasPrevious ? _previousSign : 0;

    public SignalKind OnBar(in Bar bar, IndicatorSet indicators)
    {
        _fast.Add(bar.Close);
        _slow.Add(bar.Close);
        if (!_slow.IsReady)
        {
            return SignalKind.None;
        }

        var sign = ExactRollingSum.CompareMeans(_fast, _slow);
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
