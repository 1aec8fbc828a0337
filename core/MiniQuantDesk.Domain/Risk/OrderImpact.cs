using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// What an order does to the position in its symbol, valued at the order's price (the limit price for
/// a limit order, the reference price for a market order). Quantities are signed: long positive.
/// </summary>
public sealed record OrderImpact(
    decimal Price,
    decimal PositionBefore,
    decimal PositionAfter,
    bool PositionOpenedToday,
    bool ReducesPosition,
    bool ClosesSome,
    decimal OpeningQuantity)
{
    public decimal OrderQuantity => Math.Abs(PositionAfter - PositionBefore);

    public decimal NotionalUsd => OrderQuantity * Price;

    /// <summary>Gross exposure the order adds: only the part that opens or grows a position.</summary>
    public decimal AddedExposureUsd => OpeningQuantity * Price;

    public decimal PositionAfterUsd => Math.Abs(PositionAfter) * Price;

    /// <summary>The order starts a position in a symbol the desk does not hold.</summary>
    public bool OpensNewSymbol => PositionBefore == 0;

    /// <param name="position">The symbol's position, or null when flat.</param>
    public static OrderImpact Of(OrderIntent intent, PositionSnapshot? position)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var price = intent.Type == OrderType.Limit && intent.LimitPrice is { } limit ? limit : intent.ReferencePrice;
        var before = position?.Quantity ?? 0m;
        var delta = intent.Side == OrderSide.Buy ? intent.Quantity : -intent.Quantity;
        var against = before != 0 && Math.Sign(delta) != Math.Sign(before);
        var reduces = against && intent.Quantity <= Math.Abs(before);
        var opening = reduces ? 0m : against ? intent.Quantity - Math.Abs(before) : intent.Quantity;
        return new OrderImpact(price, before, before + delta, position?.OpenedToday ?? false, reduces, against, opening);
    }
}
