using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Reconcile;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// A replayed stretch of a real session through the whole desk: BarPoll → EvaluateStrategies → PlaceOrder →
/// TrackOrder against the simulated market. At the end the desk's books must equal the broker's.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReplayedSessionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_replayed_session_trades_and_the_desks_books_equal_the_brokers_to_the_cent()
    {
        var limits = new Dictionary<string, string>
        {
            ["Risk__MaxOrderNotionalUsd"] = "60000",
            ["Risk__MaxPositionSizeUsd"] = "60000",
            ["Risk__MaxPortfolioExposureUsd"] = "200000",
        };
        // 10:20 ET on 2019-02-12; BarPoll's first look-back brings the 30 minutes before for the warm-up.
        var start = new DateTimeOffset(2019, 2, 12, 15, 20, 0, TimeSpan.Zero);
        await using var desk = await DeskUnderTest.StartAsync(azurite, limits, speed: 120m, marketStart: start);
        var end = start.AddMinutes(45);
        await DeskUnderTest.EventuallyAsync(() => Task.FromResult(desk.Market.Now >= end ? "done" : null), TimeSpan.FromSeconds(90), "45 simulated minutes");

        var orders = new OrderStore(desk.Storage);
        var settled = await DeskUnderTest.EventuallyAsync(async () =>
        {
            var all = await orders.ListAsync(CancellationToken.None);
            return all.Count > 0 && all.All(o => o.Record.IsTerminal) && desk.Market.State().Orders.All(o => o.Status is "filled" or "canceled" or "expired" or "rejected")
                ? all
                : null;
        }, TimeSpan.FromSeconds(60), "every order settled");

        var broker = desk.Market.State();
        Assert.True(settled.Count(o => o.Record.FilledQuantity > 0) >= 1, $"expected trades in 45 minutes, got {settled.Count}");
        // One broker order per desk order and no other: nothing duplicated, nothing lost.
        Assert.Equal(settled.Select(o => o.Record.ClientOrderId).Order(), broker.Orders.Select(o => o.ClientOrderId).Order());
        foreach (var order in settled)
        {
            var atBroker = broker.Orders.Single(o => o.ClientOrderId == order.Record.ClientOrderId);
            Assert.Equal(atBroker.FilledQty, order.Record.FilledQuantity);
            Assert.Equal(atBroker.FilledAvgPrice, order.Record.AverageFillPrice);
        }

        var deskPositions = ReconcileFunction.DeskPositions(settled).Where(p => p.Value != 0m).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));
        Assert.Equal(broker.Positions.Where(p => p.Qty != 0m).OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(p => (p.Symbol, p.Qty)), deskPositions);
        var cashFlow = settled.Sum(o => (o.Record.Side == OrderSide.Sell ? 1m : -1m) * o.Record.FilledQuantity * (o.Record.AverageFillPrice ?? 0m));
        Assert.Equal(Math.Round(broker.Cash, 2), Math.Round(100_000m + cashFlow, 2));
    }
}
