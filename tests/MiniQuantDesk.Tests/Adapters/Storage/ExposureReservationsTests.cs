using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Adapters.Storage;

public sealed class ExposureReservationsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Two_instances_reserving_from_the_same_snapshot_cannot_both_win_and_a_repeat_holds_once()
    {
        var storage = azurite.Storage();
        await new DeskStateStore(storage).EnsureCreatedAsync(CancellationToken.None);
        var book = new ExposureReservations(storage);

        var seen = await book.ReadAsync(CancellationToken.None);
        var first = await book.TryReserveAsync(seen, "intent-a", "SPY", 1000.50m, CancellationToken.None);
        var second = await book.TryReserveAsync(seen, "intent-b", "QQQ", 2000m, CancellationToken.None); // same stale snapshot

        Assert.True(first);
        Assert.False(second);
        var now = await book.ReadAsync(CancellationToken.None);
        Assert.True(await book.TryReserveAsync(now, "intent-a", "SPY", 1000.50m, CancellationToken.None)); // re-delivery
        var after = await book.ReadAsync(CancellationToken.None);
        Assert.Equal(1000.50m, after.Excluding("other").TotalUsd);
        Assert.Equal(0m, after.Excluding("intent-a").TotalUsd);
        Assert.Equal(1000.50m, after.Excluding("x").For("SPY"));

        await book.ReleaseAsync("intent-a", CancellationToken.None);
        await book.ReleaseAsync("intent-a", CancellationToken.None);
        Assert.Empty((await book.ReadAsync(CancellationToken.None)).Entries);
    }
}
