using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// Bollinger(n, k) on close, TTR <c>BBands</c> convention: middle = SMA(n), bands = middle ± k·σ with σ the
/// POPULATION standard deviation of the window (divide by n). Defined from value n. The variance comes from
/// compensated sums of x and x² (see <see cref="CompensatedSum.PopulationVariance"/>), so a flat window gives
/// exactly 0 and no rescan is needed.
/// </summary>
public sealed class BollingerBands : IIndicator
{
    private readonly RingWindow _window;
    private CompensatedSum _sum;
    private CompensatedSum _sumOfSquares;

    public BollingerBands(int period = 20, double width = 2.0)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"{nameof(width)} must be a finite number > 0, was {width}");
        }

        Width = width;
        _window = new RingWindow(period);
    }

    public int Period { get; }

    /// <summary>Number of standard deviations from the middle to each band.</summary>
    public double Width { get; }

    public int Samples { get; private set; }

    public bool IsReady => _window.IsFull;

    /// <summary>SMA(n); NaN until ready.</summary>
    public double Middle => IsReady ? _sum.Value / Period : double.NaN;

    /// <summary>Population standard deviation of the window; NaN until ready.</summary>
    public double StandardDeviation => IsReady ? Math.Sqrt(CompensatedSum.PopulationVariance(_sum, _sumOfSquares, Period)) : double.NaN;

    public double Upper => Middle + Width * StandardDeviation;

    public double Lower => Middle - Width * StandardDeviation;

    public void Update(in Bar bar) => Update((double)bar.Close);

    public void Update(double value)
    {
        FiniteInput.Require(value, nameof(value));
        if (_window.Push(value, out var evicted))
        {
            _sum.Replace(value, evicted);
            _sumOfSquares.ReplaceSquare(value, evicted);
        }
        else
        {
            _sum.Add(value);
            _sumOfSquares.AddSquare(value);
        }

        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        _window.Scale(SplitRatio.ToDouble(ratio));
        _sum.Reset();
        _sumOfSquares.Reset();
        for (var i = 0; i < _window.Count; i++)
        {
            _sum.Add(_window[i]);
            _sumOfSquares.AddSquare(_window[i]);
        }
    }
}
