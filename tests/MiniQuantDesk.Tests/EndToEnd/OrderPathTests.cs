using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Orders;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>Intent → PlaceOrder → broker → TrackOrder → filled, through the real processes, Azurite and the simulated market.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OrderPathTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_intent_delivered_three_times_becomes_exactly_one_broker_order_that_fills_and_is_recorded()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite);
        // BarPoll fills the bar store each simulated minute; risk refuses without a last bar.
        var bars = new BarStore(desk.Storage);
        var stored = await DeskUnderTest.EventuallyAsync(async () => await bars.ReadSinceAsync("SPY", desk.Market.Now.AddMinutes(-10), CancellationToken.None) is { Count: > 0 } b ? b : null, Patience, "a stored SPY bar");
        var last = stored[^1];
        var intent = new OrderIntent("e2e-dup-" + Guid.NewGuid().ToString("N")[..8], "SPY", OrderSide.Buy, 10m, OrderType.Market, null, last.Start, "e2e", last.Close);
        var message = OrderIntentMessage.ToJson(intent).ToJsonString();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => desk.EnqueueAsync(DeskQueues.OrderIntents, message)));

        var orders = new OrderStore(desk.Storage);
        var filled = await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(intent.IntentId, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "the order filled in the desk's books");
        var atBroker = desk.Market.State().Orders.Where(o => o.ClientOrderId == intent.IntentId).ToList();
        var brokerOrder = Assert.Single(atBroker);
        Assert.Equal(10m, brokerOrder.FilledQty);
        Assert.Equal(brokerOrder.FilledAvgPrice, filled.Record.AverageFillPrice);
        Assert.Equal(10m, filled.Record.FilledQuantity);
        var position = Assert.Single(desk.Market.State().Positions, p => p.Symbol == "SPY");
        Assert.Equal(10m, position.Qty);
        // The reservation is released right after the order is seen terminal.
        await DeskUnderTest.EventuallyAsync(async () => (await new ExposureReservations(desk.Storage).ReadAsync(CancellationToken.None)).Entries.IsEmpty ? "released" : null, Patience, "exposure released");
        var log = await new TransactionLog(desk.Storage).ReadDayAsync(filled.Record.CreatedAt, CancellationToken.None);
        Assert.Contains(log, e => e["clientOrderId"]?.ToString() == intent.IntentId && e["to"]?.ToString() == nameof(OrderStatus.Filled));
    }
}

[Collection(EndToEndCollection.Name)]
public sealed class KillSwitchPathTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task With_the_kill_switch_engaged_no_queued_intent_reaches_the_broker_and_each_refusal_is_logged()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite);
        var state = new DeskStateStore(desk.Storage);
        await state.EnsureCreatedAsync(CancellationToken.None);
        await state.WriteFlagsAsync(new DeskFlags(true, true, DateTimeOffset.UtcNow, "test"), CancellationToken.None);
        var ids = Enumerable.Range(0, 5).Select(i => $"e2e-kill-{i}-" + Guid.NewGuid().ToString("N")[..6]).ToList();

        foreach (var id in ids)
        {
            var intent = new OrderIntent(id, "SPY", OrderSide.Buy, 1m, OrderType.Market, null, desk.Market.Now, "e2e", 271m);
            await desk.EnqueueAsync(DeskQueues.OrderIntents, OrderIntentMessage.ToJson(intent).ToJsonString());
        }

        var log = new TransactionLog(desk.Storage);
        await DeskUnderTest.EventuallyAsync(async () =>
        {
            var entries = await log.ReadDayAsync(desk.Market.Now, CancellationToken.None);
            return ids.All(id => entries.Any(e => e["kind"]?.ToString() == "risk-rejection" && e["intentId"]?.ToString() == id)) ? entries : null;
        }, TimeSpan.FromSeconds(60), "every intent refused");

        Assert.DoesNotContain(desk.Market.State().Orders, o => ids.Contains(o.ClientOrderId));
        var entries = await log.ReadDayAsync(desk.Market.Now, CancellationToken.None);
        Assert.All(ids, id => Assert.Contains("TradingHalted", entries.Single(e => e["intentId"]?.ToString() == id)["codes"]!.ToJsonString(), StringComparison.Ordinal));
    }
}

/// <summary>
/// A handler killed half-way leaves one of two traces in storage; each is recreated here exactly as the
/// dead instance would have left it, then the message is delivered again as the queue would.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killed_after_the_record_was_inserted_but_before_submitting_recovers_to_exactly_one_order()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite);
        var intent = await IntentAsync(desk, "crash-a");
        var orders = new OrderStore(desk.Storage);
        await orders.EnsureCreatedAsync(CancellationToken.None);
        await orders.InsertIfAbsentAsync(OrderRecord.FromIntent(intent, desk.Market.Now), null, CancellationToken.None);

        await desk.EnqueueAsync(DeskQueues.OrderIntents, OrderIntentMessage.ToJson(intent).ToJsonString());

        await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(intent.IntentId, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "filled");
        Assert.Single(desk.Market.State().Orders, o => o.ClientOrderId == intent.IntentId);
    }

    [Fact]
    public async Task Killed_after_submitting_but_before_recording_the_answer_recovers_to_exactly_one_order()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite);
        var intent = await IntentAsync(desk, "crash-b");
        var orders = new OrderStore(desk.Storage);
        await orders.EnsureCreatedAsync(CancellationToken.None);
        var (stored, _) = await orders.InsertIfAbsentAsync(OrderRecord.FromIntent(intent, desk.Market.Now), null, CancellationToken.None);
        var submitting = ((TransitionApplied)OrderStateMachine.Apply(stored.Record, new SubmitSent(desk.Market.Now))).Record;
        await orders.ReplaceAsync(stored, submitting, CancellationToken.None);
        var broker = MiniQuantDesk.Adapters.Alpaca.AlpacaTradingClient.Create(new MiniQuantDesk.Adapters.Alpaca.AlpacaOptions
        {
            KeyId = "k", SecretKey = "s", TradingBaseUrl = desk.Market.BaseAddress, DataBaseUrl = desk.Market.BaseAddress,
        });
        Assert.IsType<MiniQuantDesk.Adapters.Alpaca.SubmitOrderResult.Placed>(await broker.SubmitOrderAsync(MiniQuantDesk.Adapters.Alpaca.Requests.AlpacaOrderRequest.FromIntent(intent)));

        await desk.EnqueueAsync(DeskQueues.OrderIntents, OrderIntentMessage.ToJson(intent).ToJsonString());

        var done = await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(intent.IntentId, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "filled");
        var only = Assert.Single(desk.Market.State().Orders, o => o.ClientOrderId == intent.IntentId);
        Assert.Equal(only.Id, done.Record.BrokerOrderId);
    }

    private static async Task<OrderIntent> IntentAsync(DeskUnderTest desk, string name)
    {
        var bars = new BarStore(desk.Storage);
        var stored = await DeskUnderTest.EventuallyAsync(async () => await bars.ReadSinceAsync("SPY", desk.Market.Now.AddMinutes(-10), CancellationToken.None) is { Count: > 0 } b ? b : null, Patience, "a stored SPY bar");
        return new OrderIntent($"{name}-{Guid.NewGuid():N}"[..24], "SPY", OrderSide.Buy, 5m, OrderType.Market, null, stored[^1].Start, "e2e", stored[^1].Close);
    }
}
