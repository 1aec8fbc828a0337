using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// A mutable ledger for one single-threaded run (the backtest): cash, realised P&amp;L and commissions
/// (lifetime and today) and a position per symbol slot. It books exactly the numbers <see cref="Book.Apply"/>
/// books — the same cash formula and the same position arithmetic — but in place, so a fill allocates
/// nothing. A flat position is (0, 0), as the book's removed one. Bad input throws before anything moves.
/// </summary>
public sealed class RunningBook
{
    private readonly string[] _symbols;
    private readonly decimal[] _quantity;
    private readonly decimal[] _costBasis;

    public RunningBook(decimal cash, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = [.. symbols];
        _quantity = new decimal[_symbols.Length];
        _costBasis = new decimal[_symbols.Length];
        Cash = cash;
    }

    public IReadOnlyList<string> Symbols => _symbols;

    public decimal Cash { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal Commissions { get; private set; }

    public decimal DayRealizedPnl { get; private set; }

    public decimal DayCommissions { get; private set; }

    /// <summary>Signed shares held in the symbol at <paramref name="slot"/>.</summary>
    public decimal QuantityOf(int slot) => _quantity[slot];

    /// <summary>Signed cost basis of the symbol at <paramref name="slot"/> (see <see cref="Position.CostBasis"/>).</summary>
    public decimal CostBasisOf(int slot) => _costBasis[slot];

    /// <summary>Books one fill of the symbol at <paramref name="slot"/>; returns the P&amp;L it realised (gross of commission).</summary>
    public decimal Apply(int slot, OrderSide side, decimal quantity, decimal price, decimal commission)
    {
        if (quantity <= 0m || price <= 0m || commission < 0m || side is not (OrderSide.Buy or OrderSide.Sell))
        {
            // The live book's own wording for a fill it cannot apply.
            var errors = new FillEvent("-", "-", _symbols[slot], side, quantity, price, commission, default).Validate();
            throw new ArgumentException(string.Join("; ", errors), nameof(quantity));
        }

        var signed = side == OrderSide.Buy ? quantity : -quantity;
        var (after, costBasis, realized) = PositionArithmetic.Apply(_quantity[slot], _costBasis[slot], signed, price);
        Cash = Cash - (signed * price) - commission;
        (_quantity[slot], _costBasis[slot]) = after == 0m ? (0m, 0m) : (after, costBasis);
        RealizedPnl += realized;
        Commissions += commission;
        DayRealizedPnl += realized;
        DayCommissions += commission;
        return realized;
    }

    /// <summary>A new trading day: the day's realised P&amp;L and commissions restart from 0.</summary>
    public void StartDay()
    {
        DayRealizedPnl = 0m;
        DayCommissions = 0m;
    }
}
