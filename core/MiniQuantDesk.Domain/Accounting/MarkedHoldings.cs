namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// Cash plus shares × last price over the held slots — <c>cash + q₀·p₀ + q₁·p₁ + …</c> in slot order, skipping
/// flat slots — giving the very decimal (value and scale) that decimal arithmetic gives, at a fraction of its
/// cost: the account equity the backtest reads on every equity row and before every decision.
/// <para>
/// Decimal multiplication and addition are exact while the result fits the 96-bit mantissa at a scale ≤ 28,
/// and then the result's scale is the sum (product) or the larger (sum) of the operands' scales. So each held
/// slot's term is kept as a whole number of 10⁻⁸ units (<c>long</c>, updated when its price or quantity
/// changes, as is their running total), and the equity is cash + total at the largest scale S present —
/// which divides exactly by 10^(8 − S). The bounds keep every partial sum far below 2⁶³ (so decimal could
/// not have rounded either). A term that is not such a whole number or is too large, a zero price, a zero
/// total (whose scale and sign decimal sets by its own rules) and cash of more than 8 decimals take the
/// decimal path; a property test holds the two bit for bit.
/// </para>
/// </summary>
public sealed class MarkedHoldings
{
    private const int Scale = 8;
    private readonly decimal[] _quantity;
    private readonly decimal[] _price;
    private readonly DecimalParts[] _quantityParts;
    private readonly DecimalParts[] _priceParts;
    private readonly bool[] _held;

    // Per held slot: its term q·p in 10^-8 units (0 when flat or inexact), the term's own scale (-1 when not
    // counted in _slotsAtScale: flat or inexact), and whether it is inexact (then the decimal path is taken).
    private readonly long[] _term;
    private readonly int[] _termScale;
    private readonly bool[] _inexact;
    private readonly int[] _slotsAtScale = new int[Scale + 1];
    private readonly long _bound;

    // Each slot's cost basis in 10^-8 units, and how many held slots have one that is not such a whole number.
    private readonly long[] _costUnits;
    private readonly bool[] _costInexact;
    private int _costInexactCount;
    private long _total;
    private int _inexactCount;
    private decimal _cash;
    private long _cashUnits;
    private int _cashScale;
    private bool _cashInexact;

    public MarkedHoldings(int slots, decimal cash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        _quantity = new decimal[slots];
        _price = new decimal[slots];
        _quantityParts = new DecimalParts[slots];
        _priceParts = new DecimalParts[slots];
        _held = new bool[slots];
        _term = new long[slots];
        _termScale = new int[slots];
        _inexact = new bool[slots];
        _costUnits = new long[slots];
        _costInexact = new bool[slots];
        Array.Fill(_quantityParts, DecimalParts.Of(0m));
        Array.Fill(_priceParts, DecimalParts.Of(0m));
        Array.Fill(_termScale, -1);

        // Cash, every term and every cost basis below this: no sum of them can reach 2^63.
        _bound = long.MaxValue / ((2 * slots) + 2);
        Cash = cash;
    }

    public decimal Cash
    {
        get => _cash;
        set
        {
            _cash = value;
            var parts = DecimalParts.Of(value);
            _cashInexact = !TryUnits(parts, out _cashUnits);
            _cashScale = parts.Scale;
        }
    }

    public void SetQuantity(int slot, decimal quantity)
    {
        _quantity[slot] = quantity;
        _quantityParts[slot] = DecimalParts.Of(quantity);
        _held[slot] = quantity != 0m;
        Remark(slot);
    }

    /// <summary>The slot's position: signed quantity and cost basis (for <see cref="TryPositionFigures"/>).</summary>
    public void SetPosition(int slot, decimal quantity, decimal costBasis)
    {
        SetQuantity(slot, quantity);
        _costInexactCount -= _costInexact[slot] ? 1 : 0;
        _costInexact[slot] = !TryUnits(DecimalParts.Of(costBasis), out _costUnits[slot]);
        _costInexactCount += _costInexact[slot] ? 1 : 0;
    }

    public void SetPrice(int slot, decimal price) => SetPrice(slot, price, DecimalParts.Of(price));

    /// <summary>Sets the price with its parts already read (<paramref name="parts"/> must be <see cref="DecimalParts.Of"/> of it).</summary>
    public void SetPrice(int slot, decimal price, in DecimalParts parts)
    {
        _price[slot] = price;
        _priceParts[slot] = parts;
        if (!_held[slot])
        {
            return;
        }

        // The common case (every bar of a held symbol): an exact term stays exact; only its units and maybe its scale move.
        ref readonly var q = ref _quantityParts[slot];
        var scale = q.Scale + parts.Scale;
        var old = _termScale[slot];
        if (old >= 0 && parts.Fits && parts.Magnitude != 0 && scale <= Scale
            && Math.BigMul(q.Magnitude, parts.Magnitude, out var product) == 0
            && Math.BigMul(product, PowersOfTen[Scale - scale], out var units) == 0 && units < (ulong)_bound)
        {
            var term = q.Negative != parts.Negative ? -(long)units : (long)units;
            _total += term - _term[slot];
            _term[slot] = term;
            if (scale != old)
            {
                _slotsAtScale[old]--;
                _slotsAtScale[scale]++;
                _termScale[slot] = scale;
            }

            return;
        }

        Remark(slot);
    }

    /// <summary>cash + Σ quantity × price over the held slots, in slot order, exactly as decimal arithmetic gives it.</summary>
    public decimal Equity()
    {
        if (_inexactCount > 0 || _cashInexact)
        {
            return EquityInDecimal();
        }

        var units = _cashUnits + _total;
        if (units == 0)
        {
            return EquityInDecimal();
        }

        var scale = _cashScale;
        for (var s = Scale; s > scale; s--)
        {
            if (_slotsAtScale[s] > 0)
            {
                scale = s;
                break;
            }
        }

        var magnitude = (ulong)Math.Abs(units) / PowersOfTen[Scale - scale];
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)scale);
    }

    /// <summary>
    /// The position figures the risk screen compares, over the held slots: Σ |q·p| of the slots other than
    /// <paramref name="own"/>, the largest |q·p| (0 when none), and Σ (q·p − cost basis). Equal in value (not
    /// necessarily in scale) to those sums in decimal, which are exact whenever this answers; false (compute them
    /// in decimal) when a term, a cost basis or the cash is outside the integer form.
    /// </summary>
    public bool TryPositionFigures(int own, out decimal others, out decimal largestValue, out decimal unrealised)
    {
        others = largestValue = unrealised = 0m;
        if (_inexactCount > 0 || _costInexactCount > 0)
        {
            return false;
        }

        long sumOthers = 0, largest = 0, sumUnrealised = 0;
        for (var i = 0; i < _held.Length; i++)
        {
            if (_held[i])
            {
                var value = Math.Abs(_term[i]);
                largest = Math.Max(largest, value);
                sumOthers += i == own ? 0 : value;
                sumUnrealised += _term[i] - _costUnits[i];
            }
        }

        others = FromUnits(sumOthers);
        largestValue = FromUnits(largest);
        unrealised = FromUnits(sumUnrealised);
        return true;
    }

    private static decimal FromUnits(long units)
    {
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, Scale);
    }

    /// <summary>The straightforward form: the decimal operators, term by term.</summary>
    public decimal EquityInDecimal()
    {
        var equity = _cash;
        for (var i = 0; i < _held.Length; i++)
        {
            if (_held[i])
            {
                equity += _quantity[i] * _price[i];
            }
        }

        return equity;
    }

    /// <summary>Takes the slot's old term out of the total and scale counts, puts its new one in.</summary>
    private void Remark(int slot)
    {
        if (_inexact[slot])
        {
            _inexactCount--;
        }
        else if (_termScale[slot] >= 0)
        {
            _slotsAtScale[_termScale[slot]]--;
        }

        _total -= _term[slot];
        _term[slot] = 0;
        _termScale[slot] = -1;
        _inexact[slot] = false;
        if (!_held[slot])
        {
            return;
        }

        ref readonly var q = ref _quantityParts[slot];
        ref readonly var p = ref _priceParts[slot];
        var scale = q.Scale + p.Scale;

        // A zero product's scale follows decimal's own rules (0 × a value of scale 18 has scale 0): leave it to decimal.
        if (!q.Fits || !p.Fits || p.Magnitude == 0 || scale > Scale
            || Math.BigMul(q.Magnitude, p.Magnitude, out var product) != 0
            || !TryUnits(new DecimalParts(product, q.Negative != p.Negative, (byte)scale, true), out var term))
        {
            _inexact[slot] = true;
            _inexactCount++;
            return;
        }

        _term[slot] = term;
        _termScale[slot] = scale;
        _slotsAtScale[scale]++;
        _total += term;
    }

    /// <summary>±magnitude × 10^(8 − scale) when that is below the bound.</summary>
    private bool TryUnits(in DecimalParts parts, out long units)
    {
        units = 0;
        if (!parts.Fits || parts.Scale > Scale || Math.BigMul(parts.Magnitude, PowersOfTen[Scale - parts.Scale], out var scaled) != 0 || scaled >= (ulong)_bound)
        {
            return false;
        }

        units = parts.Negative ? -(long)scaled : (long)scaled;
        return true;
    }

    private static ReadOnlySpan<ulong> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
}
