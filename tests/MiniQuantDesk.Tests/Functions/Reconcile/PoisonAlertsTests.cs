using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.NotifyDiscord;
using MiniQuantDesk.Functions.Reconcile;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Reconcile;

/// <summary>Poisoned messages, read from real Azurite poison queues, become one notification each, said again with the same id.</summary>
public sealed class PoisonAlertsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_poisoned_intent_becomes_one_notification_in_trading_words_and_a_poisoned_notification_does_not_chain()
    {
        var storage = azurite.Storage();
        var poison = new PoisonQueues(storage);
        Assert.Empty(await poison.ReadAsync(CancellationToken.None)); // no poison queue exists yet

        var intents = storage.Queue(PoisonQueues.NameOf(DeskQueues.OrderIntents));
        await intents.CreateIfNotExistsAsync();
        await intents.SendMessageAsync("""{"kind":"order-intent","intentId":"sma-SPY-20261124T1500-buy","symbol":"SPY","side":"Buy","qty":"12","barTime":"2026-11-24T14:59:00Z"}""");
        await intents.SendMessageAsync("not json at all, maybe secret-looking text");
        var notifications = storage.Queue(PoisonQueues.NameOf(DeskQueues.Notifications));
        await notifications.CreateIfNotExistsAsync();
        await notifications.SendMessageAsync("""{"kind":"notification","id":"n-1"}""");

        var read = await poison.ReadAsync(CancellationToken.None);
        var alerts = PoisonAlerts.Compose(read, Now);
        var again = PoisonAlerts.Compose(await poison.ReadAsync(CancellationToken.None), Now.AddMinutes(5));

        Assert.Equal(2, read.Single(q => q.Queue == DeskQueues.OrderIntents).Depth);
        Assert.Equal(1, read.Single(q => q.Queue == DeskQueues.Notifications).Depth);
        Assert.Equal(2, alerts.Count); // the poisoned notification is in health, not announced
        Assert.Equal(alerts.Select(a => a.Id).Order(), again.Select(a => a.Id).Order()); // the ledger sends each once
        var intent = alerts.Single(a => a.Text.Contains("SPY", StringComparison.Ordinal));
        Assert.Contains("Order intent Buy 12 SPY (id sma-SPY-20261124T1500-buy", intent.Text, StringComparison.Ordinal);
        Assert.Contains("order-intents-poison", intent.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(alerts, a => a.Text.Contains("secret-looking", StringComparison.Ordinal));
        Assert.All(alerts, a => Assert.Equal(NotificationEvents.KindOf(PoisonAlerts.Event), NotificationEvents.KindOf(a.Kind)));
        Assert.NotNull(NotificationEvents.KindOf(PoisonAlerts.Event));
    }
}
