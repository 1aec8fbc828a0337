namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// The exact sum of the last <c>Period</c> decimal values, for decisions that must not flip on rounding:
/// an SMA crossover compares <c>3·sum10</c> with <c>sum30</c>, and with cent prices exact ties happen.
/// Values are held as integers in units of 10^-<c>Scale</c> (fast, exact); the first value that does not
/// fit (more decimals than the scale, or too large) switches this window to decimal arithmetic for good,
/// which is exact while sums stay within decimal's 28 significant digits.
/// </summary>
public sealed class ExactRollingSum
{
    private readonly long[] _units;
    private readonly decimal[] _decimals;
    private readonly long _maxUnits;
    private readonly decimal _unitValue;
    private long _unitSum;
    private decimal _decimalSum;
    private int _next;

    public ExactRollingSum(int period, int scale = 6)
    {
        Period = Indicators.Period.Require(period, nameof(period));
        if (scale is < 0 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"{nameof(scale)} must be in 0..12, was {scale}");
        }

        Scale = scale;
        _units = new long[period];
        _decimals = new decimal[period];
        _maxUnits = long.MaxValue / 4 / period;
        _unitValue = 1m / Pow10(scale);
    }

    public int Period { get; }

    /// <summary>Decimal places held as integer units before falling back to decimal arithmetic.</summary>
    public int Scale { get; }

    /// <summary>True once a value did not fit the scaled integers (all later arithmetic is decimal).</summary>
    public bool IsDecimalMode { get; private set; }

    public int Count { get; private set; }

    public int Samples { get; private set; }

    public bool IsReady => Count == Period;

    /// <summary>The exact sum of the window (of the values seen so far during warm-up).</summary>
    public decimal Sum => IsDecimalMode ? _decimalSum : _unitSum * _unitValue;

    public void Add(decimal value)
    {
        if (!IsDecimalMode && TryToUnits(value, out var units))
        {
            if (Count == Period)
            {
                _unitSum -= _units[_next];
            }

            _units[_next] = units;
            _unitSum += units;
        }
        else
        {
            if (!IsDecimalMode)
            {
                SwitchToDecimal();
            }

            if (Count == Period)
            {
                _decimalSum -= _decimals[_next];
            }

            _decimals[_next] = value;
            _decimalSum += value;
        }

        _next = _next + 1 == Period ? 0 : _next + 1;
        if (Count < Period)
        {
            Count++;
        }

        Samples++;
    }

    /// <summary>
    /// Sign of <c>mean(a) - mean(b)</c>, exactly: the sign of <c>sum(a)·period(b) - sum(b)·period(a)</c>
    /// (for SMA10 vs SMA30: <c>3·sum10 - sum30</c>). Both windows must be ready.
    /// </summary>
    public static int CompareMeans(ExactRollingSum a, ExactRollingSum b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.IsReady || !b.IsReady)
        {
            throw new InvalidOperationException("both rolling sums must be full before their means are compared");
        }

        if (!a.IsDecimalMode && !b.IsDecimalMode && a.Scale == b.Scale)
        {
            return ((Int128)a._unitSum * b.Period).CompareTo((Int128)b._unitSum * a.Period);
        }

        return (a.Sum * b.Period).CompareTo(b.Sum * a.Period);
    }

    /// <summary>Divides every held value by the split ratio (decimal division) and re-sums.</summary>
    public void ApplySplit(decimal ratio)
    {
        if (ratio <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "a split ratio must be > 0 (7 for a 7-for-1 split)");
        }

        if (!IsDecimalMode)
        {
            SwitchToDecimal();
        }

        _decimalSum = 0m;
        for (var i = 0; i < Count; i++)
        {
            var index = (_next - Count + i + Period) % Period;
            _decimals[index] /= ratio;
            _decimalSum += _decimals[index];
        }
    }

    private void SwitchToDecimal()
    {
        _decimalSum = 0m;
        for (var i = 0; i < Count; i++)
        {
            var index = (_next - Count + i + Period) % Period;
            _decimals[index] = _units[index] * _unitValue;
            _decimalSum += _decimals[index];
        }

        IsDecimalMode = true;
    }

    private bool TryToUnits(decimal value, out long units) => DecimalUnits.TryToUnits(value, Scale, _maxUnits, out units);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
