using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Adapters.Storage;

public sealed class TransactionLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Entries_append_as_ndjson_per_day_and_a_retried_append_is_read_once()
    {
        var log = new TransactionLog(azurite.Storage());
        var day = new DateTimeOffset(2031, 1, 2, 15, 0, 0, TimeSpan.Zero);
        var transition = new OrderTransition("cid-1", "b-1", OrderStatus.New, OrderStatus.Filled, OrderEventKind.CompletingFill, day, 10m, 271.19m, "filled", "x-1", 10m, 271.19m, 0m);

        await log.AppendTransitionAsync(transition, CancellationToken.None);
        await log.AppendTransitionAsync(transition, CancellationToken.None); // a retried handler
        await log.AppendAsync(new JsonObject { ["id"] = "cmd:kill:1", ["kind"] = "command", ["user"] = "1234" }, day.AddMinutes(1), CancellationToken.None);

        var entries = await log.ReadDayAsync(day, CancellationToken.None);
        Assert.Equal(["order-transition", "command"], entries.Select(e => e["kind"]!.GetValue<string>()));
        Assert.Equal("271.19", entries[0]["fillPrice"]!.GetValue<string>());
        Assert.Equal("1234", entries[1]["user"]!.GetValue<string>());
        Assert.Empty(await log.ReadDayAsync(day.AddDays(1), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(new JsonObject { ["kind"] = "x" }, day, CancellationToken.None));
    }
}
