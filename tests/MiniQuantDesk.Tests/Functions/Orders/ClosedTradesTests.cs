using System.Collections.Immutable;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Tests.Functions.Orders;

public sealed class ClosedTradesTests
{
    private static readonly DateTimeOffset T = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);

    private static StoredOrder Filled(string id, OrderSide side, decimal qty, decimal price, int minute) =>
        new(new OrderRecord(id, "b-" + id, "SPY", side, OrderType.Market, qty, null, OrderStatus.Filled, qty, price, ImmutableList<string>.Empty, T, T.AddMinutes(minute), T, T.AddMinutes(minute)), default, null);

    [Fact]
    public void Each_fill_that_shrinks_a_position_is_a_closed_trade_with_its_realised_pnl()
    {
        // Buy 10 @ 100; sell 4 @ 110 → +4 × 10 = +40; sell 6 @ 95 → 6 × (95 − 100) = −30.
        var orders = new[] { Filled("c", OrderSide.Sell, 6m, 95m, 3), Filled("a", OrderSide.Buy, 10m, 100m, 1), Filled("b", OrderSide.Sell, 4m, 110m, 2) };

        var trades = RiskGate.ClosedTrades(orders);

        Assert.Equal([(T.AddMinutes(2), 40m), (T.AddMinutes(3), -30m)], trades.Select(t => (t.ExitAt, t.PnlUsd)));
    }
}
