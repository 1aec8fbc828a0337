using System.Globalization;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

internal sealed partial class SimExchange
{
    /// <summary>
    /// A cash account (multiplier 1, no shorting): buying power is the cash not yet promised to open buy orders
    /// (each valued at its limit/stop, or the last close for a market order).
    /// </summary>
    public decimal BuyingPower => Math.Max(0m, Book.Cash - orders
        .Where(o => o.IsOpen && o.Side == OrderSide.Buy && o.Status != SimOrderStatus.Held)
        .Sum(o => o.Remaining * ReferencePrice(o.Symbol, o.Type, o.LimitPrice, o.StopPrice)));

    /// <summary>Shares promised to open sell orders; the two legs of one bracket hold the same shares once.</summary>
    public decimal HeldForOrders(string symbol) => orders
        .Where(o => o.IsOpen && o.Side == OrderSide.Sell && o.Symbol == symbol && o.Status != SimOrderStatus.Held)
        .GroupBy(o => o.Parent?.Id ?? o.Id)
        .Sum(g => g.Max(o => o.Remaining));

    public decimal QtyAvailable(string symbol) => Math.Max(0m, Book.QtyOf(symbol) - HeldForOrders(symbol));

    /// <summary>
    /// <c>DELETE /v2/positions/{symbol}</c>: a market day order selling the whole position, <paramref name="qty"/> shares
    /// or <paramref name="percentage"/> percent of it.
    /// </summary>
    public (SimOrder? Order, SimError? Error) ClosePosition(string symbol, decimal? qty, decimal? percentage)
    {
        var held = Book.QtyOf(symbol);
        if (held == 0m)
        {
            return (null, SimError.NotFound($"position not found: {symbol}"));
        }

        if (qty is not null && percentage is not null)
        {
            return (null, SimError.Invalid("only one of qty and percentage may be set"));
        }

        if (qty is <= 0m || percentage is <= 0m or > 100m)
        {
            return (null, SimError.Invalid("qty must be > 0 and percentage between 0 and 100"));
        }

        var shares = qty ?? (percentage is { } p ? held * p / 100m : held);
        return Submit(new SimOrderRequest(symbol, shares, OrderSide.Sell, "market", "day", null, null, null, "", null, null, null));
    }

    /// <summary><c>DELETE /v2/positions</c>: one closing attempt per position, optionally after cancelling every open order.</summary>
    public IReadOnlyList<(string Symbol, SimOrder? Order, SimError? Error)> CloseAllPositions(bool cancelOrders)
    {
        if (cancelOrders)
        {
            CancelAllOrders();
        }

        return Book.Holdings.Select(h => h.Symbol).ToList()
            .Select(symbol =>
            {
                var (order, error) = ClosePosition(symbol, null, null);
                return (symbol, order, error);
            })
            .ToList();
    }

    private SimError? CheckFunds(OrderSide side, string symbol, decimal qty, decimal price)
    {
        if (side == OrderSide.Buy)
        {
            var cost = qty * price;
            return cost > BuyingPower
                ? SimError.Forbidden("insufficient buying power", new Dictionary<string, string>
                {
                    ["buying_power"] = Text(BuyingPower),
                    ["cost_basis"] = Text(cost),
                })
                : null;
        }

        var available = QtyAvailable(symbol);
        return qty > available
            ? SimError.Forbidden($"insufficient qty available for order (requested: {Text(qty)}, available: {Text(available)})", new Dictionary<string, string>
            {
                ["available"] = Text(available),
                ["existing_qty"] = Text(Book.QtyOf(symbol)),
                ["held_for_orders"] = Text(HeldForOrders(symbol)),
                ["symbol"] = symbol,
            })
            : null;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
