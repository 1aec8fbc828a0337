using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// SMA(n) of close: the mean of the last n values (TTR <c>SMA</c>), defined from the n-th value on.
/// The rolling sum is compensated (<see cref="CompensatedSum"/>), so it does not drift however long it runs.
/// For exact comparisons of sums (crossover ties) use <see cref="ExactRollingSum"/>.
/// </summary>
public sealed class SimpleMovingAverage : IIndicator
{
    private readonly RingWindow _window;
    private CompensatedSum _sum;

    public SimpleMovingAverage(int period)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        _window = new RingWindow(period);
    }

    public int Period { get; }

    public int Samples { get; private set; }

    public bool IsReady => _window.IsFull;

    /// <summary>The mean of the window; NaN until <see cref="IsReady"/>.</summary>
    public double Value => IsReady ? _sum.Value / Period : double.NaN;

    public void Update(in Bar bar) => Update((double)bar.Close);

    public void Update(double value)
    {
        FiniteInput.Require(value, nameof(value));
        if (_window.Push(value, out var evicted))
        {
            _sum.Replace(value, evicted);
        }
        else
        {
            _sum.Add(value);
        }

        Samples++;
    }

    public void ApplySplit(decimal ratio)
    {
        _window.Scale(SplitRatio.ToDouble(ratio));
        _sum.Reset();
        for (var i = 0; i < _window.Count; i++)
        {
            _sum.Add(_window[i]);
        }
    }
}
