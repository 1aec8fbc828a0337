namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// Holdings in one symbol. <see cref="Quantity"/> is signed (negative = short). <see cref="CostBasis"/> is
/// signed the same way: what the open shares cost (long) or brought in (short), fills' prices only, no
/// commissions. Average cost is derived from it, so it is never rounded and a split cannot move it.
/// </summary>
public sealed record Position(string Symbol, decimal Quantity, decimal CostBasis)
{
    public static Position Flat(string symbol) => new(symbol, 0m, 0m);

    public bool IsFlat => Quantity == 0m;

    /// <summary>Price paid per open share (long) or received per share sold short; 0 when flat. Always ≥ 0.</summary>
    public decimal AverageCost => Quantity == 0m ? 0m : CostBasis / Quantity;

    /// <summary>Signed: a short position has a negative market value, as at Alpaca.</summary>
    public decimal MarketValue(decimal mark) => Quantity * mark;

    public decimal UnrealizedPnl(decimal mark) => (Quantity * mark) - CostBasis;

    /// <summary>
    /// Applies one fill. The part that reduces the position realises (fill price − average cost) per
    /// share, sign-adjusted for shorts; a fill that crosses through zero closes the whole position and
    /// opens the rest on the other side at the fill price. Commissions are the book's business, not here.
    /// </summary>
    public PositionChange Apply(FillEvent fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var errors = fill.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(fill));
        }

        if (!string.Equals(fill.Symbol, Symbol, StringComparison.Ordinal))
        {
            throw new ArgumentException($"fill {fill.ExecutionId} is for {fill.Symbol}, this position is {Symbol}", nameof(fill));
        }

        var (quantity, costBasis, realized) = PositionArithmetic.Apply(Quantity, CostBasis, fill.SignedQuantity, fill.Price);
        return new PositionChange(this with { Quantity = quantity, CostBasis = costBasis }, realized);
    }

    /// <summary>
    /// A split of <paramref name="ratio"/> new shares per old share (2 for a 2-for-1, 0.1 for a 1-for-10
    /// reverse split): quantity × ratio, average cost ÷ ratio, cost basis and P&amp;L unchanged.
    /// </summary>
    public Position ApplySplit(decimal ratio)
    {
        if (ratio <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, FormattableString.Invariant($"split ratio for {Symbol} must be > 0, was {ratio}"));
        }

        return this with { Quantity = Quantity * ratio };
    }
}
