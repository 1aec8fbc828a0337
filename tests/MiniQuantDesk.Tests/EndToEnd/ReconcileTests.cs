using System.Collections.Immutable;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class ReconcileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_manual_broker_order_is_adopted_into_the_books_and_not_cancelled_and_drift_is_reported_not_traded()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite, new Dictionary<string, string> { ["Desk__Strategies"] = "sma-crossover", ["Desk__Symbols"] = "SPY" });
        var broker = AlpacaTradingClient.Create(new AlpacaOptions { KeyId = "k", SecretKey = "s", TradingBaseUrl = desk.Market.BaseAddress, DataBaseUrl = desk.Market.BaseAddress });
        var manual = new AlpacaOrderRequest { Symbol = "AAPL", Qty = 3m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "phone-app-" + Guid.NewGuid().ToString("N")[..8] };
        Assert.IsType<SubmitOrderResult.Placed>(await broker.SubmitOrderAsync(manual));

        // The desk's books claim 7 QQQ the broker never had.
        var orders = new OrderStore(desk.Storage);
        await orders.EnsureCreatedAsync(CancellationToken.None);
        var ghost = new OrderRecord("ghost-" + Guid.NewGuid().ToString("N")[..8], "b-ghost", "QQQ", OrderSide.Buy, OrderType.Market, 7m, null, OrderStatus.Filled, 7m, 165m, ImmutableList.Create("x-ghost"), desk.Market.Now, desk.Market.Now);
        await orders.InsertIfAbsentAsync(ghost, null, CancellationToken.None);

        var adopted = await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(manual.ClientOrderId, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "the manual order adopted and filled in the books");
        Assert.Equal(3m, adopted.Record.FilledQuantity);
        var log = new TransactionLog(desk.Storage);
        var entries = await DeskUnderTest.EventuallyAsync(async () =>
        {
            var day = await log.ReadDayAsync(desk.Market.Now, CancellationToken.None);
            return day.Any(e => e["kind"]?.ToString() == "drift" && e["symbol"]?.ToString() == "QQQ") ? day : null;
        }, Patience, "drift on QQQ logged");

        Assert.Contains(entries, e => e["kind"]?.ToString() == "order-adopted" && e["clientOrderId"]?.ToString() == manual.ClientOrderId);
        var state = desk.Market.State();
        Assert.Equal("filled", state.Orders.Single(o => o.ClientOrderId == manual.ClientOrderId).Status); // never cancelled
        Assert.DoesNotContain(state.Orders, o => o.Symbol == "QQQ"); // drift is not traded away
        Assert.DoesNotContain(entries, e => e["kind"]?.ToString() == "drift" && e["symbol"]?.ToString() == "AAPL"); // adopted, so no drift
    }
}

[Collection(EndToEndCollection.Name)]
public sealed class SplitReconcileTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_split_at_the_broker_is_applied_to_the_books_and_is_not_drift()
    {
        await using var desk = await DeskUnderTest.StartAsync(azurite, new Dictionary<string, string> { ["Desk__Strategies"] = "sma-crossover", ["Desk__Symbols"] = "SPY" });
        var bars = new BarStore(desk.Storage);
        var stored = await DeskUnderTest.EventuallyAsync(async () => await bars.ReadSinceAsync("SPY", desk.Market.Now.AddMinutes(-10), CancellationToken.None) is { Count: > 0 } b ? b : null, Patience, "a stored SPY bar");
        var intent = new OrderIntent("split-" + Guid.NewGuid().ToString("N")[..10], "SPY", OrderSide.Buy, 10m, OrderType.Market, null, stored[^1].Start, "e2e", stored[^1].Close);
        await desk.EnqueueAsync(DeskQueues.OrderIntents, MiniQuantDesk.Functions.Orders.OrderIntentMessage.ToJson(intent).ToJsonString());
        var orders = new OrderStore(desk.Storage);
        try
        {
            await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(intent.IntentId, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "bought");
        }
        catch (TimeoutException)
        {
            var day = await new TransactionLog(desk.Storage).ReadDayAsync(desk.Market.Now, CancellationToken.None);
            throw new TimeoutException($"not bought; order {await orders.GetAsync(intent.IntentId, CancellationToken.None)}; log {string.Join(" | ", day.Select(e => e.ToJsonString()))}");
        }

        desk.Market.ApplySplit("SPY", 2m);

        var adjustments = new PositionAdjustmentStore(desk.Storage);
        var split = await DeskUnderTest.EventuallyAsync(async () => (await adjustments.ListAsync(CancellationToken.None)).FirstOrDefault(s => s.Symbol == "SPY"), Patience, "the split applied to the books");
        Assert.Equal(2m, split.Ratio);
        var book = MiniQuantDesk.Functions.Reconcile.ReconcileFunction.DeskPositions(await orders.ListAsync(CancellationToken.None), await adjustments.ListAsync(CancellationToken.None));
        Assert.Equal(desk.Market.State().Positions.Single(p => p.Symbol == "SPY").Qty, book["SPY"]);
        Assert.Equal(20m, book["SPY"]);
        var log = await new TransactionLog(desk.Storage).ReadDayAsync(desk.Market.Now, CancellationToken.None);
        Assert.DoesNotContain(log, e => e["kind"]?.ToString() == "drift" && e["symbol"]?.ToString() == "SPY");
        Assert.Single(log, e => e["kind"]?.ToString() == "split-applied");
    }
}
