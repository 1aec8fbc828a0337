namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// The exact sign of SMA(fast) − SMA(slow) over the same series, from ONE window of the last <c>slow</c>
/// values: each value is converted once, and the fast sum is the slow window's newest <c>fast</c> values.
/// The sign is that of <c>sum(fast)·slow − sum(slow)·fast</c>, computed without rounding, so a tie (which
/// happens with cent prices) is a tie. Values are held as whole 10^-6 units (any price with up to six
/// decimals) compared through a 128-bit product; the first value that does not fit switches the window to
/// decimal arithmetic for good, exact while sums stay within decimal's 28 significant digits — the same
/// contract as two <see cref="ExactRollingSum"/> windows and <see cref="ExactRollingSum.CompareMeans"/>.
/// </summary>
public sealed class ExactMeanSpread
{
    private const int UnitScale = 6;
    private readonly long[] _units;
    private decimal[]? _decimals;
    private readonly long _maxUnits;
    private long _fastUnits;
    private long _slowUnits;
    private decimal _fastSum;
    private decimal _slowSum;
    private int _next;

    public ExactMeanSpread(int fast, int slow)
    {
        Fast = Period.Require(fast, nameof(fast));
        Slow = Period.Require(slow, nameof(slow));
        if (fast >= slow)
        {
            throw new ArgumentOutOfRangeException(nameof(fast), fast, $"{nameof(fast)} must be < {nameof(slow)}, was {fast} vs {slow}");
        }

        _units = new long[slow];
        _maxUnits = long.MaxValue / 4 / slow;
    }

    public int Fast { get; }

    public int Slow { get; }

    /// <summary>Values seen, up to <see cref="Slow"/>.</summary>
    public int Count { get; private set; }

    /// <summary>True once the slow window is full (and so the fast one).</summary>
    public bool IsReady => Count == Slow;

    /// <summary>True once a value did not fit the scaled integers (all later arithmetic is decimal).</summary>
    public bool IsDecimalMode => _decimals is not null;

    public void Add(decimal value)
    {
        // The value leaving the fast window is the one Fast places back; the one leaving the slow window is at _next.
        var fastOut = _next - Fast < 0 ? _next - Fast + Slow : _next - Fast;
        if (_decimals is null && DecimalUnits.TryToUnits(value, UnitScale, _maxUnits, out var units))
        {
            _fastUnits += units - (Count >= Fast ? _units[fastOut] : 0);
            _slowUnits += units - (Count == Slow ? _units[_next] : 0);
            _units[_next] = units;
        }
        else
        {
            var decimals = _decimals ?? SwitchToDecimal();
            _fastSum += value - (Count >= Fast ? decimals[fastOut] : 0m);
            _slowSum += value - (Count == Slow ? decimals[_next] : 0m);
            decimals[_next] = value;
        }

        _next = _next + 1 == Slow ? 0 : _next + 1;
        if (Count < Slow)
        {
            Count++;
        }
    }

    /// <summary>Sign of SMA(fast) − SMA(slow): 1, 0 or −1. The window must be ready.</summary>
    public int Sign()
    {
        if (!IsReady)
        {
            throw new InvalidOperationException("the slow window must be full before the means are compared");
        }

        if (_decimals is not null)
        {
            return (_fastSum * Slow).CompareTo(_slowSum * Fast);
        }

        var fastHigh = Math.BigMul(_fastUnits, Slow, out long fastLow);
        var slowHigh = Math.BigMul(_slowUnits, Fast, out long slowLow);
        return fastHigh != slowHigh ? fastHigh.CompareTo(slowHigh) : ((ulong)fastLow).CompareTo((ulong)slowLow);
    }

    private decimal[] SwitchToDecimal()
    {
        var decimals = new decimal[Slow];
        var unit = 0.000001m;
        _fastSum = 0m;
        _slowSum = 0m;
        for (var age = 0; age < Count; age++)
        {
            // Oldest first, as the values came.
            var index = (_next - Count + age + Slow) % Slow;
            decimals[index] = _units[index] * unit;
            _slowSum += decimals[index];
            if (age >= Count - Fast)
            {
                _fastSum += decimals[index];
            }
        }

        _decimals = decimals;
        return decimals;
    }
}
