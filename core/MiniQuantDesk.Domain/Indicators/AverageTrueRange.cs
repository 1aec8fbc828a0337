using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// ATR(n), Wilder/TTR convention: <c>TR = max(high, prevClose) - min(low, prevClose)</c>, undefined on the
/// first bar (no previous close); ATR = mean of the first n TRs (defined from bar n+1), then
/// <c>atr = atr + (TR - atr)/n</c>.
/// </summary>
public sealed class AverageTrueRange : IIndicator
{
    private SeededSmoother _smoother;
    private double _previousClose = double.NaN;

    public AverageTrueRange(int period = 14)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        _smoother = SeededSmoother.Wilder(period);
    }

    public int Period { get; }

    public int Samples { get; private set; }

    public bool IsReady => _smoother.IsReady;

    /// <summary>The ATR in price units; NaN until <see cref="IsReady"/>.</summary>
    public double Value => _smoother.Value;

    /// <summary>The last true range; NaN on the first bar.</summary>
    public double TrueRange { get; private set; } = double.NaN;

    public void Update(in Bar bar) => Update((double)bar.High, (double)bar.Low, (double)bar.Close);

    public void Update(double high, double low, double close)
    {
        FiniteInput.Require(high, nameof(high));
        FiniteInput.Require(low, nameof(low));
        FiniteInput.Require(close, nameof(close));
        if (Samples > 0)
        {
            TrueRange = Math.Max(high, _previousClose) - Math.Min(low, _previousClose);
            _smoother.Update(TrueRange);
        }

        _previousClose = close;
        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        var r = SplitRatio.ToDouble(ratio);
        _previousClose /= r;
        TrueRange /= r;
        _smoother.Scale(r);
    }
}
