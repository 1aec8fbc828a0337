using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Webhooks;
using MiniQuantDesk.Tests.Adapters.Alpaca;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>429s, rate-limit headers and storms; exact waits on a manual clock, the storm with tiny real waits.</summary>
public sealed class DiscordRateLimitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 14, 31, 0, TimeSpan.Zero);
    private LoopbackDiscordServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackDiscordServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_429_waits_the_bodys_float_retry_after_then_sends_again()
    {
        var clock = new ManualTimeProvider(Start);
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server), clock);
        server.Answer = (_, n) => n == 1 ? DiscordReply.TooManyRequests(2.5) : DiscordReply.Message("m");

        var call = client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("hello"));
        // retry_after 2.5 in the body beats the header's rounded-up Retry-After: 3.
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));
        Assert.Single(server.Requests);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2.5));

        var delivered = Assert.IsType<DiscordDelivery.Delivered>(await call);
        Assert.Equal(2, delivered.Attempts);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Without_a_body_the_Retry_After_header_is_honoured()
    {
        var clock = new ManualTimeProvider(Start);
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server), clock);
        server.Answer = (_, n) => n == 1 ? new DiscordReply(429, null, new Dictionary<string, string> { ["Retry-After"] = "4" }) : DiscordReply.Message("m");

        var call = client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("hello"));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.True((await call).IsDelivered);
    }

    [Fact]
    public async Task Remaining_zero_on_a_success_holds_the_next_call_until_the_bucket_resets()
    {
        var clock = new ManualTimeProvider(Start);
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server), clock);
        server.Answer = (_, n) => DiscordReply.Message($"m{n}") with
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = n == 1 ? "0" : "4",
                ["X-RateLimit-Reset-After"] = "1.75",
                ["X-RateLimit-Bucket"] = "b1",
            },
        };

        Assert.True((await client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("first"))).IsDelivered);
        var second = client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("second"));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1.75));
        Assert.Single(server.Requests);
        clock.Advance(TimeSpan.FromSeconds(1.75));

        Assert.True((await second).IsDelivered);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, (await client.ExecuteAsync(server.Webhook("999888777", "other-token"), DiscordMessage.Text("elsewhere"))).Attempts);
    }

    [Fact]
    public async Task A_wait_longer_than_the_budget_gives_up_and_the_next_call_does_not_even_send()
    {
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server, o => o.MaxRateLimitWait = TimeSpan.FromSeconds(30)));
        server.Answer = (_, _) => DiscordReply.TooManyRequests(64.57);

        var first = Assert.IsType<DiscordDelivery.RateLimitedGaveUp>(await client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("a")));
        var second = Assert.IsType<DiscordDelivery.RateLimitedGaveUp>(await client.ExecuteAsync(server.Webhook(), DiscordMessage.Text("b")));

        // The wait left when it gave up: 64.57 s less the few milliseconds the loopback round trip took.
        Assert.InRange(first.RetryAfter.TotalSeconds, 63.5, 64.57);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(0, second.Attempts);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_429_on_one_interaction_does_not_hold_another_but_holds_itself()
    {
        var clock = new ManualTimeProvider(Start);
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server), clock);
        server.Answer = (_, n) => n == 1 ? DiscordReply.TooManyRequests(3) : DiscordReply.Message($"m{n}");

        var first = client.EditOriginalAsync("775799577604522054", "token-one", DiscordMessage.Text("a"));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        var other = await client.EditOriginalAsync("775799577604522054", "token-two", DiscordMessage.Text("b")).WaitAsync(TimeSpan.FromSeconds(10));

        // Discord keeps follow-up limits per webhook id + token (specs §5): the other interaction went straight through.
        Assert.True(other.IsDelivered);
        Assert.False(first.IsCompleted);
        Assert.Equal(2, server.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, Assert.IsType<DiscordDelivery.Delivered>(await first).Attempts);
    }

    [Fact]
    public async Task A_global_429_holds_every_webhook()
    {
        var clock = new ManualTimeProvider(Start);
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server), clock);
        server.Answer = (_, n) => n == 1 ? DiscordReply.TooManyRequests(3, global: true) : DiscordReply.Message("m");

        var first = client.ExecuteAsync(server.Webhook("111", "t1"), DiscordMessage.Text("a"));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        var other = client.ExecuteAsync(server.Webhook("222", "t2"), DiscordMessage.Text("b"));
        await Task.Delay(50);
        Assert.Single(server.Requests);

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await first).IsDelivered);
        Assert.True((await other).IsDelivered);
    }

    [Fact]
    public async Task A_429_storm_delays_but_loses_no_message()
    {
        // Every third request is refused with a short real retry_after; sometimes globally.
        var received = new ConcurrentBag<string>();
        server.Answer = (request, n) =>
        {
            if (n % 3 == 0)
            {
                return DiscordReply.TooManyRequests(0.02, global: n % 9 == 0);
            }

            received.Add(JsonDocument.Parse(request.Body).RootElement.GetProperty("content").GetString()!);
            return DiscordReply.Message($"m{n}");
        };
        var client = DiscordWebhookClient.Create(DiscordTestSetup.Options(server));
        var hooks = new[] { server.Webhook("111", "t1"), server.Webhook("222", "t2") };

        var sends = Enumerable.Range(0, 30)
            .Select(i => client.ExecuteAsync(hooks[i % 2], DiscordMessage.Text("n" + i.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.True(r.IsDelivered, r.ToString()));
        Assert.Equal(
            Enumerable.Range(0, 30).Select(i => "n" + i.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            received.Order(StringComparer.Ordinal));
        Assert.True(server.Requests.Count > 30);
    }
}
