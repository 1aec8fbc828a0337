using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Adapters.Storage;

public sealed class BarStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Bars_round_trip_exactly_per_symbol_in_time_order_and_storing_twice_keeps_one_row()
    {
        var store = new BarStore(azurite.Storage());
        var t0 = new DateTimeOffset(2019, 2, 11, 14, 30, 0, TimeSpan.Zero);
        // 150 bars: more than one 100-action transaction.
        var spy = Enumerable.Range(0, 150).Select(i => new Bar("SPY", t0.AddMinutes(i), 271.19m + (i * 0.01m), 271.34m + (i * 0.01m), 271.07m, 621.3499755859375m, 1488804 + i)).ToList();
        var qqq = new Bar("QQQ", t0, 165.1m, 165.2m, 165m, 165.15m, 10);

        await store.StoreAsync(spy.AsEnumerable().Reverse().Append(qqq), CancellationToken.None);
        await store.StoreAsync(spy.Take(3), CancellationToken.None);

        var read = await store.ReadSinceAsync("SPY", t0.AddMinutes(100), CancellationToken.None);
        Assert.Equal(spy.Skip(100), read);
        Assert.Equal([qqq], await store.ReadSinceAsync("QQQ", t0, CancellationToken.None));
        Assert.Equal(150, (await store.ReadSinceAsync("SPY", t0, CancellationToken.None)).Count);
        Assert.Empty(await store.ReadSinceAsync("AAPL", t0, CancellationToken.None));
    }
}
