using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// MACD(fast, slow, signal) in price units (TTR <c>MACD(percent = FALSE)</c>): line = EMA(fast) - EMA(slow),
/// defined from value <c>slow</c>; signal = EMA(signal) of the line seeded with the mean of its first
/// <c>signal</c> defined values (defined from value slow + signal - 1); histogram = line - signal.
/// </summary>
public sealed class MovingAverageConvergenceDivergence : IIndicator
{
    private SeededSmoother _fast;
    private SeededSmoother _slow;
    private SeededSmoother _signal;

    public MovingAverageConvergenceDivergence(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        FastPeriod = Period.Require(fastPeriod, nameof(fastPeriod));
        SlowPeriod = Period.Require(slowPeriod, nameof(slowPeriod));
        SignalPeriod = Period.Require(signalPeriod, nameof(signalPeriod));
        _fast = SeededSmoother.Ema(fastPeriod);
        _slow = SeededSmoother.Ema(slowPeriod);
        _signal = SeededSmoother.Ema(signalPeriod);
    }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    public int Samples { get; private set; }

    /// <summary>True once the signal (and so the histogram) is defined; the line is ready earlier, see <see cref="IsLineReady"/>.</summary>
    public bool IsReady => _signal.IsReady;

    public bool IsLineReady => _fast.IsReady && _slow.IsReady;

    /// <summary>EMA(fast) - EMA(slow); NaN until <see cref="IsLineReady"/>.</summary>
    public double Line => IsLineReady ? _fast.Value - _slow.Value : double.NaN;

    /// <summary>NaN until <see cref="IsReady"/>.</summary>
    public double Signal => _signal.Value;

    /// <summary>Line - Signal; NaN until <see cref="IsReady"/>.</summary>
    public double Histogram => Line - _signal.Value;

    public void Update(in Bar bar) => Update((double)bar.Close);

    public void Update(double value)
    {
        FiniteInput.Require(value, nameof(value));
        _fast.Update(value);
        _slow.Update(value);
        if (IsLineReady)
        {
            _signal.Update(_fast.Value - _slow.Value);
        }

        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        var r = SplitRatio.ToDouble(ratio);
        _fast.Scale(r);
        _slow.Scale(r);
        _signal.Scale(r);
    }
}
