using System.Text.Json;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Adapters.Discord.Webhooks;

namespace MiniQuantDesk.Tests.Adapters.Discord;

public sealed class DiscordNotifierTests : IAsyncLifetime
{
    private LoopbackDiscordServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackDiscordServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_silent_kind_is_posted_with_4096_and_a_channel_without_webhook_sends_nothing()
    {
        var options = DiscordTestSetup.Options(server, o =>
        {
            o.Webhooks[NotificationChannel.Trading] = server.Webhook("444", "trading-tok");
            o.Verbosity[NotificationKind.OrderFilled] = NotificationVerbosity.Silent;
        });
        var notifier = new DiscordNotifier(new NotificationRouter(options), DiscordWebhookClient.Create(options));

        var filled = await notifier.NotifyAsync(NotificationKind.OrderFilled, DiscordMessage.Text("Filled: BUY 10 AAPL", MessageFlags.Ephemeral));
        var breaker = await notifier.NotifyAsync(NotificationKind.BreakerTrip, DiscordMessage.Text("Breaker tripped"));

        Assert.True(filled.Done);
        Assert.IsType<DiscordDelivery.Delivered>(filled.Delivery);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/webhooks/444/trading-tok", request.Path);
        Assert.Equal(4096, JsonDocument.Parse(request.Body).RootElement.GetProperty("flags").GetInt32());
        Assert.Equal(NotificationDisposition.LogOnly, breaker.Route.Disposition);
        Assert.Null(breaker.Delivery);
    }
}
