using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Discord.Signatures;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Orders;
using MiniQuantDesk.Tests.Adapters.Discord;
using MiniQuantDesk.Tests.Functions.Discord;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// Through the real handler process and local host: a signed /kill and its Confirm click over HTTP, then an
/// intent queued afterwards never reaches the broker; and a Discord that answers only 429 does not slow the order path.
/// </summary>
public sealed class DiscordKillSwitchTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Dictionary<string, string> DiscordSettings(LoopbackDiscordServer discord) => new()
    {
        ["Discord__PublicKey"] = InteractionSigner.SpecPublicKey,
        ["Discord__ApplicationId"] = InteractionSigner.ApplicationId,
        ["Discord__AllowedUserIds"] = InteractionSigner.Trader,
        ["Discord__ApiBaseUrl"] = discord.ApiBase.ToString(),
        ["Discord__MaxRateLimitWait"] = "00:00:00.100",
        ["Discord__Webhooks__Trading"] = discord.Webhook("100000000000000002", "trading-token").ToString(),
        ["Discord__Webhooks__Risk"] = discord.Webhook("100000000000000003", "risk-token").ToString(),
        ["Discord__Webhooks__System"] = discord.Webhook("100000000000000001", "system-token").ToString(),
    };

    internal static async Task<JsonObject> PostAsync(HttpClient http, Uri url, byte[] body)
    {
        var timestamp = InteractionSigner.Now();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(DiscordSignatureVerifier.TimestampHeader, timestamp);
        content.Headers.Add(DiscordSignatureVerifier.SignatureHeader, InteractionSigner.Sign(timestamp, body));
        using var response = await http.PostAsync(url, content);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task Kill_confirmed_from_Discord_then_a_queued_order_never_reaches_the_broker()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        await using var desk = await DeskUnderTest.StartAsync(azurite, DiscordSettings(discord));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = new Uri(desk.Host.HttpBaseAddress!, "api/discord/interactions");

        var prompt = await PostAsync(http, url, InteractionSigner.Command("kill"));
        var confirm = prompt["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var answer = await PostAsync(http, url, InteractionSigner.Click(confirm));
        var state = new DeskStateStore(desk.Storage);
        await DeskUnderTest.EventuallyAsync(async () => (await state.ReadFlagsAsync(CancellationToken.None)).KillSwitch ? "on" : null, Patience, "kill switch on");

        var id = "e2e-discord-kill-" + Guid.NewGuid().ToString("N")[..6];
        await desk.EnqueueAsync(DeskQueues.OrderIntents, OrderIntentMessage.ToJson(new OrderIntent(id, "SPY", OrderSide.Buy, 1m, OrderType.Market, null, desk.Market.Now, "e2e", 271m)).ToJsonString());
        var log = new TransactionLog(desk.Storage);
        var entries = await DeskUnderTest.EventuallyAsync(async () =>
        {
            var day = await log.ReadDayAsync(desk.Market.Now, CancellationToken.None);
            return day.Any(e => e["kind"]?.ToString() == "risk-rejection" && e["intentId"]?.ToString() == id) ? day : null;
        }, Patience, "the intent refused");

        Assert.True(answer["type"]!.GetValue<int>() is 6 or 7);
        Assert.Equal(InteractionSigner.Trader, (await state.ReadFlagsAsync(CancellationToken.None)).ChangedBy);
        Assert.Contains(entries, e => e["kind"]?.ToString() == "command" && e["command"]?.ToString() == "kill" && e["user"]?.ToString() == InteractionSigner.Trader);
        Assert.Contains("TradingHalted", entries.Single(e => e["intentId"]?.ToString() == id)["codes"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(desk.Market.State().Orders, o => o.ClientOrderId == id);
    }

    internal static Dictionary<string, string> Settings(LoopbackDiscordServer discord) => DiscordSettings(discord);
}

/// <summary>A Discord that answers only 429 does not slow the order path; its notifications arrive once it answers again.</summary>
public sealed class DiscordOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120); // the whole suite runs beside it on 2 cores

    private static Dictionary<string, string> DiscordSettings(LoopbackDiscordServer discord) => DiscordKillSwitchTests.Settings(discord);

    [Fact]
    public async Task A_Discord_answering_only_429_does_not_hold_up_an_order_and_its_notifications_arrive_afterwards()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        var open = false;
        discord.Answer = (_, n) => Volatile.Read(ref open) ? DiscordReply.Message($"msg-{n}") : DiscordReply.TooManyRequests(2.0);
        await using var desk = await DeskUnderTest.StartAsync(azurite, DiscordSettings(discord));
        var bars = new BarStore(desk.Storage);
        var stored = await DeskUnderTest.EventuallyAsync(async () => await bars.ReadSinceAsync("SPY", desk.Market.Now.AddMinutes(-10), CancellationToken.None) is { Count: > 0 } b ? b : null, Patience, "a stored SPY bar");
        var id = "e2e-429-" + Guid.NewGuid().ToString("N")[..8];
        await desk.EnqueueAsync(DeskQueues.OrderIntents, OrderIntentMessage.ToJson(new OrderIntent(id, "SPY", OrderSide.Buy, 2m, OrderType.Market, null, stored[^1].Start, "e2e", stored[^1].Close)).ToJsonString());

        var orders = new OrderStore(desk.Storage);
        try
        {
            await DeskUnderTest.EventuallyAsync(async () => await orders.GetAsync(id, CancellationToken.None) is { Record.Status: OrderStatus.Filled } o ? o : null, Patience, "the order filled while Discord refused everything");
        }
        catch (TimeoutException)
        {
            var day = await new TransactionLog(desk.Storage).ReadDayAsync(desk.Market.Now, CancellationToken.None);
            throw new Xunit.Sdk.XunitException($"order {await orders.GetAsync(id, CancellationToken.None)}; log: {string.Join("\n", day.Where(e => e.ToJsonString().Contains(id, StringComparison.Ordinal)).Select(e => e.ToJsonString()))}; discord requests {discord.Requests.Count}");
        }
        Assert.DoesNotContain(discord.Requests, r => r.Body.Contains("order-filled", StringComparison.Ordinal) && Volatile.Read(ref open));
        Volatile.Write(ref open, true);

        // Placed and filled notifications name the order; each arrives once Discord answers again.
        var posted = await DeskUnderTest.EventuallyAsync(async () =>
        {
            await Task.Yield();
            var bodies = discord.Requests.Where(r => r.Method == "POST" && r.Body.Contains(" SPY", StringComparison.Ordinal)).Select(r => r.Body).ToList();
            return bodies.Count(b => b.Contains("\"footer\":{\"text\":\"order-filled\"}", StringComparison.Ordinal)) >= 1 ? bodies : null;
        }, Patience, $"the fill notification delivered after the storm ({discord.Requests.Count} requests so far)");
        Assert.NotEmpty(posted);
    }
}
