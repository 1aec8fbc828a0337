using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Adapters.Storage;

public sealed class OrderStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private static OrderRecord NewOrder(string id) => OrderRecord.FromIntent(
        new OrderIntent(id, "SPY", OrderSide.Buy, 10m, OrderType.Limit, 271.19m, At, "sma", 271.2m), At);

    [Fact]
    public async Task A_redelivered_intent_finds_its_order_instead_of_inserting_a_second()
    {
        var store = new OrderStore(azurite.Storage());
        await store.EnsureCreatedAsync(CancellationToken.None);
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];

        var (first, inserted) = await store.InsertIfAbsentAsync(NewOrder(id), null, CancellationToken.None);
        var (second, insertedAgain) = await store.InsertIfAbsentAsync(NewOrder(id) with { Quantity = 99m }, null, CancellationToken.None);

        Assert.True(inserted);
        Assert.False(insertedAgain);
        Assert.Equal(10m, second.Record.Quantity);
        Assert.Equal(first.Record, second.Record with { AppliedExecutionIds = first.Record.AppliedExecutionIds });
        Assert.Single(await store.ListAsync(CancellationToken.None), o => o.Record.ClientOrderId == id);
    }

    [Fact]
    public async Task A_stale_etag_cannot_overwrite_a_newer_transition_and_decimals_survive_exactly()
    {
        var store = new OrderStore(azurite.Storage());
        await store.EnsureCreatedAsync(CancellationToken.None);
        var id = "t-" + Guid.NewGuid().ToString("N")[..12];
        var (stored, _) = await store.InsertIfAbsentAsync(NewOrder(id), "{\"stop\":\"260.01\"}", CancellationToken.None);

        var filled = stored.Record with { Status = OrderStatus.Filled, FilledQuantity = 10m, AverageFillPrice = 271.1850000001m, AppliedExecutionIds = ["e1", "e2"] };
        var updated = await store.ReplaceAsync(stored, filled, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(stored, stored.Record with { Status = OrderStatus.Canceled }, CancellationToken.None));
        var read = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(OrderStatus.Filled, read.Record.Status);
        Assert.Equal(271.1850000001m, read.Record.AverageFillPrice);
        Assert.Equal(["e1", "e2"], read.Record.AppliedExecutionIds);
        Assert.Equal("{\"stop\":\"260.01\"}", read.ProtectionJson);
        Assert.Equal(updated.ETag, read.ETag);
        Assert.DoesNotContain(await store.ListOpenAsync(CancellationToken.None), o => o.Record.ClientOrderId == id);
    }
}
