namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// The arithmetic of one fill on a position, shared by <see cref="Position.Apply"/> (the live book) and
/// <see cref="RunningBook"/> (the backtest's), so both book exactly the same numbers.
/// </summary>
internal static class PositionArithmetic
{
    /// <summary>
    /// The position (signed quantity, signed cost basis) after a fill of <paramref name="delta"/> shares
    /// (+ buy, − sell) at <paramref name="price"/>, and the P&amp;L it realised. The part that reduces the
    /// position realises (price − average cost) per share, sign-adjusted for shorts; a fill that crosses
    /// through zero closes the whole position and opens the rest on the other side at the fill price.
    /// </summary>
    public static (decimal Quantity, decimal CostBasis, decimal Realized) Apply(decimal quantity, decimal costBasis, decimal delta, decimal price)
    {
        if (quantity == 0m || Math.Sign(delta) == Math.Sign(quantity))
        {
            return (quantity + delta, costBasis + (delta * price), 0m);
        }

        var held = Math.Abs(quantity);
        var closed = Math.Min(Math.Abs(delta), held);
        var closingDelta = Math.Sign(delta) * closed;

        // Multiply before dividing: exact whenever the share count divides evenly, and a full close takes
        // the cost basis as it is, so no residue can be left behind on a flat position.
        var closedCost = closed == held ? costBasis : costBasis * closed / held;
        var realized = (-closingDelta * price) - closedCost;

        var opening = delta - closingDelta;
        return opening == 0m
            ? (quantity + closingDelta, costBasis - closedCost, realized)
            : (opening, opening * price, realized);
    }
}
