using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// EMA(n) of close, TTR convention: seeded with the SMA of the first n values (defined from the n-th),
/// then <c>ema = ema + 2/(n+1) (close - ema)</c>. Not seeded with the first close.
/// </summary>
public sealed class ExponentialMovingAverage : IIndicator
{
    private SeededSmoother _smoother;

    public ExponentialMovingAverage(int period)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        _smoother = SeededSmoother.Ema(period);
    }

    public int Period { get; }

    public int Samples { get; private set; }

    public bool IsReady => _smoother.IsReady;

    /// <summary>The EMA; NaN until <see cref="IsReady"/>.</summary>
    public double Value => _smoother.Value;

    public void Update(in Bar bar) => Update((double)bar.Close);

    public void Update(double value)
    {
        FiniteInput.Require(value, nameof(value));
        _smoother.Update(value);
        Samples++;
    }

    public void ApplySplit(decimal ratio) => _smoother.Scale(SplitRatio.ToDouble(ratio));
}
