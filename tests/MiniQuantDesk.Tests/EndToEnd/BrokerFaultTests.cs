using MiniQuantDesk.Adapters.Simulation.Faults;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// The broker answers one request in five with a fault (429 with reset headers, 500, a slow answer past the
/// client's timeout, a dropped connection). The desk must end with every order settled, no duplicate, and no
/// crash of the handler.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BrokerFaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task With_twenty_percent_of_broker_calls_failing_every_order_still_settles_once_and_nothing_crashes()
    {
        var settings = new Dictionary<string, string>
        {
            ["Risk__MaxOrderNotionalUsd"] = "60000",
            ["Risk__MaxPositionSizeUsd"] = "60000",
            ["Risk__MaxPortfolioExposureUsd"] = "200000",
            ["Alpaca__AttemptTimeout"] = "00:00:01",
            ["Alpaca__TotalTimeout"] = "00:00:06",
            ["Alpaca__MaxRetries"] = "4",
            ["Alpaca__RetryBaseDelay"] = "00:00:00.050",
        };
        var start = new DateTimeOffset(2019, 2, 12, 15, 20, 0, TimeSpan.Zero);
        await using var desk = await DeskUnderTest.StartAsync(azurite, settings, speed: 60m, marketStart: start);
        // 1 − (1 − 0.0543)^4 ≈ 0.20: one broker request in five fails.
        foreach (var kind in new[] { SimulatedFaultKind.RateLimit, SimulatedFaultKind.ServerError, SimulatedFaultKind.Slow, SimulatedFaultKind.Drop })
        {
            desk.Market.Faults.Inject(new SimulatedFault { Kind = kind, Probability = 0.0543, Delay = TimeSpan.FromSeconds(2), RateLimitReset = TimeSpan.FromSeconds(1) });
        }

        await DeskUnderTest.EventuallyAsync(() => Task.FromResult(desk.Market.Now >= start.AddMinutes(30) ? "done" : null), TimeSpan.FromSeconds(90), "30 simulated minutes");
        var applied = desk.Market.Faults.Applied.Count;
        desk.Market.Faults.Clear();

        var orders = new OrderStore(desk.Storage);
        var settled = await DeskUnderTest.EventuallyAsync(async () =>
        {
            var all = await orders.ListAsync(CancellationToken.None);
            return all.Count > 0 && all.All(o => o.Record.IsTerminal) && desk.Market.State().Orders.All(o => o.Status is "filled" or "canceled" or "expired" or "rejected") ? all : null;
        }, TimeSpan.FromSeconds(90), "every order settled after the faults");

        Assert.True(applied >= 5, $"only {applied} faults were injected");
        var broker = desk.Market.State().Orders;
        Assert.Equal(broker.Count, broker.Select(o => o.ClientOrderId).Distinct().Count()); // no duplicate at the broker
        Assert.All(broker, o => Assert.Contains(settled, d => d.Record.ClientOrderId == o.ClientOrderId)); // none unknown to the desk
        Assert.All(settled.Where(o => o.Record.BrokerOrderId is not null), o => Assert.Equal(broker.Single(b => b.ClientOrderId == o.Record.ClientOrderId).FilledQty, o.Record.FilledQuantity));
        Assert.Equal(0, desk.Handler.Restarts);
    }
}
