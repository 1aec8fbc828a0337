namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// TTR's <c>EMA</c>: the first <c>n</c> values are averaged into a seed (undefined before), then
/// <c>v = v + k (x - v)</c>. k = 2/(n+1) is the usual EMA, k = 1/n is Wilder's smoothing (RSI, ATR).
/// </summary>
internal struct SeededSmoother
{
    private readonly int _period;
    private readonly double _k;
    private double _seedSum;
    private int _count;

    public SeededSmoother(int period, double k)
    {
        _period = period;
        _k = k;
        _seedSum = 0;
        _count = 0;
        Value = double.NaN;
    }

    public static SeededSmoother Ema(int period) => new(period, 2.0 / (period + 1));

    public static SeededSmoother Wilder(int period) => new(period, 1.0 / period);

    public double Value { get; private set; }

    public readonly bool IsReady => _count >= _period;

    public void Update(double x)
    {
        if (_count >= _period)
        {
            Value += _k * (x - Value);
            return;
        }

        _seedSum += x;
        _count++;
        if (_count == _period)
        {
            Value = _seedSum / _period;
        }
    }

    /// <summary>Divides the state by <paramref name="divisor"/> (a split: a price-unit smoother is linear).</summary>
    public void Scale(double divisor)
    {
        _seedSum /= divisor;
        Value /= divisor;
    }
}
