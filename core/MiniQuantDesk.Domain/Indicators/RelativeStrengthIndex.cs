using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// RSI(n) of close, Wilder/TTR convention: changes from the second value on; average gain and loss are
/// Wilder-smoothed (k = 1/n) and seeded with the mean of the first n changes, so the RSI is defined from
/// value n+1. <c>rsi = 100 * avgUp / (avgUp + avgDown)</c>; NaN when both are 0 (a perfectly flat window,
/// as TTR gives).
/// </summary>
public sealed class RelativeStrengthIndex : IIndicator
{
    private SeededSmoother _up;
    private SeededSmoother _down;
    private double _previous = double.NaN;

    public RelativeStrengthIndex(int period = 14)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        _up = SeededSmoother.Wilder(period);
        _down = SeededSmoother.Wilder(period);
    }

    public int Period { get; }

    public int Samples { get; private set; }

    public bool IsReady => _up.IsReady;

    /// <summary>RSI in [0, 100]; NaN until <see cref="IsReady"/>.</summary>
    public double Value
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var up = _up.Value;
            return 100.0 * up / (up + _down.Value);
        }
    }

    public void Update(in Bar bar) => Update((double)bar.Close);

    public void Update(double value)
    {
        FiniteInput.Require(value, nameof(value));
        if (Samples > 0)
        {
            var change = value - _previous;
            _up.Update(change > 0 ? change : 0);
            _down.Update(change < 0 ? -change : 0);
        }

        _previous = value;
        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        var r = SplitRatio.ToDouble(ratio);
        _previous /= r;
        _up.Scale(r);
        _down.Scale(r);
    }
}
