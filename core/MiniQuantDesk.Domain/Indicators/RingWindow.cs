namespace MiniQuantDesk.Domain.Indicators;

/// <summary>
/// The last <c>Capacity</c> values, allocated once. <see cref="Push"/> returns the value that left the
/// window so callers can update running sums in O(1).
/// </summary>
internal sealed class RingWindow
{
    private readonly double[] _values;
    private int _next;

    public RingWindow(int capacity)
    {
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>Adds a value; when full, returns true and the evicted value in <paramref name="evicted"/>.</summary>
    public bool Push(double value, out double evicted)
    {
        var wasFull = IsFull;
        evicted = _values[_next];
        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (!wasFull)
        {
            Count++;
            evicted = 0;
        }

        return wasFull;
    }

    /// <summary>Divides every held value (a split); O(window), only on the rare split day.</summary>
    public void Scale(double divisor)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] /= divisor;
        }
    }

    /// <summary>The held values, oldest first (for re-summing after a split).</summary>
    public double this[int ageFromOldest] => _values[(_next - Count + ageFromOldest + _values.Length) % _values.Length];

    public void Clear()
    {
        Array.Clear(_values);
        _next = 0;
        Count = 0;
    }
}
