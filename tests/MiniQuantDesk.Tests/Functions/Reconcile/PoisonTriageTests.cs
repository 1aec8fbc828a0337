using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Reconcile;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Reconcile;

/// <summary>Reconcile's triage on real Azurite poison queues: copies whose work the records prove done go, the rest stay for a person.</summary>
public sealed class PoisonTriageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_triage_takes_out_only_copies_whose_work_the_records_prove_done_and_logs_why()
    {
        var storage = azurite.Storage();
        var orders = new OrderStore(storage);
        await orders.EnsureCreatedAsync(CancellationToken.None);
        var log = new TransactionLog(storage);
        var bar = new DateTimeOffset(2019, 2, 12, 15, 14, 0, TimeSpan.Zero);
        OrderRecord Placed(string id) => OrderRecord.FromIntent(new OrderIntent(id, "SPY", OrderSide.Buy, 5m, OrderType.Market, null, bar, "sma", 271m), bar) with { Status = OrderStatus.New, BrokerOrderId = "b-" + id };
        await orders.InsertIfAbsentAsync(Placed("triage-placed"), null, CancellationToken.None);
        await orders.InsertIfAbsentAsync(OrderRecord.FromIntent(new OrderIntent("triage-half", "SPY", OrderSide.Buy, 5m, OrderType.Market, null, bar, "sma", 271m), bar), null, CancellationToken.None);
        await log.AppendAsync(new JsonObject { ["id"] = "risk:triage-refused", ["kind"] = "risk-rejection", ["intentId"] = "triage-refused" }, bar, CancellationToken.None);

        var queue = storage.Queue(PoisonQueues.NameOf(DeskQueues.OrderIntents));
        await queue.CreateIfNotExistsAsync();
        string Intent(string id) => $$"""{"intentId":"{{id}}","symbol":"SPY","side":"Buy","qty":"5","barTime":"2019-02-12T15:14:00Z"}""";
        foreach (var id in new[] { "triage-placed", "triage-refused", "triage-half", "triage-never" })
        {
            await queue.SendMessageAsync(Intent(id));
        }

        var triage = new PoisonTriage(new PoisonQueues(storage), orders, log, new SleeveStore(storage), new MiniQuantDesk.Functions.NotifyDiscord.NotificationLedger(storage));
        var left = await triage.RunAsync(NullLogger.Instance, bar.AddMinutes(30), CancellationToken.None);

        var intents = left.Single(q => q.Queue == DeskQueues.OrderIntents);
        Assert.Equal(2, intents.Depth);
        Assert.Equal(["triage-half", "triage-never"], intents.Oldest.Select(m => JsonDocument.Parse(m.Text).RootElement.GetProperty("intentId").GetString()).Order());
        var cleared = (await log.ReadDayAsync(bar, CancellationToken.None)).Where(e => e["kind"]?.ToString() == "poison-cleared").ToList();
        Assert.Equal(2, cleared.Count);
        Assert.Contains(cleared, e => e["reason"]!.ToString().Contains("triage-placed has its order (New)", StringComparison.Ordinal));
        Assert.Contains(cleared, e => e["reason"]!.ToString().Contains("triage-refused was refused by risk", StringComparison.Ordinal));

        // What is left is what a person hears about: two alerts, and the next run changes nothing.
        Assert.Equal(2, PoisonAlerts.Compose(left, bar).Count);
        var again = await triage.RunAsync(NullLogger.Instance, bar.AddMinutes(31), CancellationToken.None);
        Assert.Equal(2, again.Single(q => q.Queue == DeskQueues.OrderIntents).Depth);
    }
}
