using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.Notifications;
using MiniQuantDesk.Functions.NotifyDiscord;
using MiniQuantDesk.Tests.Adapters.Discord;
using MiniQuantDesk.Tests.Functions.Discord;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.NotifyDiscord;

/// <summary>The real NotifyDiscord function against a loopback Discord, with the notifications queue on Azurite played like the host does.</summary>
public sealed class NotifyDiscordTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);

    private static Task RunAsync(DiscordDesk desk, string text, long dequeueCount = 1)
    {
        var function = desk.Function<NotifyDiscordFunction>();
        var context = new FunctionContext(AppRoot.Load(AppContext.BaseDirectory).Find(function.Name)!, "test", NullLogger.Instance, null);
        return function.RunAsync(new QueueTrigger(text, Guid.NewGuid().ToString(), dequeueCount, DateTimeOffset.UtcNow), context, CancellationToken.None);
    }

    private static string Message(string id, string kind, string title = "t") => new Notification(id, kind, title, "text", At).ToJson().ToJsonString();

    private static IReadOnlyList<DiscordRequest> Posts(LoopbackDiscordServer discord, string webhookId) =>
        discord.Requests.Where(r => r.Method == "POST" && r.Path.Contains($"/webhooks/{webhookId}/", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData("order-placed", "100000000000000002", 4096)]
    [InlineData("order-filled", "100000000000000002", 0)]
    [InlineData("order-closed", "100000000000000002", 0)]
    [InlineData("risk-rejection", "100000000000000003", 0)]
    [InlineData("drift", "100000000000000003", 0)]
    [InlineData("order-adopted", "100000000000000002", 0)]
    [InlineData("command", "100000000000000001", 4096)]
    public async Task Each_event_goes_to_its_channel_once_with_its_default_loudness(string kind, string webhookId, int flags)
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var text = Message("n-" + kind, kind, "Filled: BUY 10 AAPL");

        await RunAsync(desk, text);
        await RunAsync(desk, text, dequeueCount: 2); // the queue delivers it again

        var post = Assert.Single(desk.Discord.Requests);
        Assert.Contains($"/webhooks/{webhookId}/", post.Path, StringComparison.Ordinal);
        Assert.Equal("?wait=true", post.Query);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("Filled: BUY 10 AAPL", body["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(flags, body["flags"]?.GetValue<int>() ?? 0);
        Assert.Equal("[]", body["allowed_mentions"]!["parse"]!.ToJsonString());
    }

    [Fact]
    public async Task Verbosity_off_and_a_channel_without_webhook_post_nothing()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, v =>
        {
            v["Discord:Verbosity:OrderFilled"] = "off";
            v.Remove("Discord:Webhooks:Risk");
        });

        await RunAsync(desk, Message("n1", "order-filled"));
        await RunAsync(desk, Message("n2", "risk-rejection"));
        await RunAsync(desk, Message("n3", "something-new"));

        Assert.Empty(desk.Discord.Requests);
    }

    [Fact]
    public async Task A_message_that_is_not_a_notification_is_refused_naming_the_field()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);

        var error = await Assert.ThrowsAsync<InvalidInvocationException>(() => RunAsync(desk, """{"kind":"notification","event":"drift","title":"x","at":"2019-02-12T15:00:00Z"}"""));

        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Empty(desk.Discord.Requests);
    }

    [Fact]
    public async Task A_deleted_webhook_is_dropped_not_retried()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        desk.Discord.Answer = (_, _) => DiscordReply.Error(404, 10015, "Unknown Webhook");

        await RunAsync(desk, Message("gone-1", "order-filled"));

        Assert.Single(desk.Discord.Requests);
        Assert.Null((await desk.Storage.Queue(DeskQueues.Notifications).PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_429_storm_and_5xx_delay_notifications_but_lose_none_and_post_each_once()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite, v => v["Discord:MaxRateLimitWait"] = "00:00:00.050");
        var storm = Stopwatch.StartNew();
        var accepted = new ConcurrentBag<string>();
        desk.Discord.Answer = (request, n) =>
        {
            if (storm.Elapsed < TimeSpan.FromSeconds(3))
            {
                return n % 5 == 0 ? DiscordReply.Error(503, 0, "upstream") : DiscordReply.TooManyRequests(1.2, global: n % 3 == 0);
            }

            accepted.Add(JsonNode.Parse(request.Body)!["embeds"]![0]!["title"]!.GetValue<string>());
            return DiscordReply.Message($"msg-{n}");
        };
        var queue = desk.Storage.Queue(DeskQueues.Notifications);
        var ids = Enumerable.Range(0, 12).Select(i => $"storm-{i}").ToList();
        foreach (var id in ids)
        {
            await queue.SendMessageAsync(Message(id, i(id) % 2 == 0 ? "order-filled" : "risk-rejection", id));
        }

        // Play the host: receive, invoke, delete on success, until every id is in or 60 s pass.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (accepted.Distinct().Count() < ids.Count && DateTime.UtcNow < deadline)
        {
            var batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(10))).Value;
            foreach (var m in batch)
            {
                await RunAsync(desk, m.MessageText, m.DequeueCount);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }

            if (batch.Length == 0)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(ids.Order(), accepted.Order());
        Assert.True(desk.Discord.Requests.Count > ids.Count, "the storm refused some posts first");
        Assert.Null((await desk.Storage.Queue(DeskQueues.Notifications + "-poison").ExistsAsync()).Value ? "poisoned" : null);
        foreach (var trading in new[] { DeskQueues.OrderIntents, DeskQueues.OrderTracking, DeskQueues.BarTicks })
        {
            Assert.False((await desk.Storage.Queue(trading).ExistsAsync()).Value, $"{trading} must not be touched");
        }

        static int i(string id) => int.Parse(id["storm-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
