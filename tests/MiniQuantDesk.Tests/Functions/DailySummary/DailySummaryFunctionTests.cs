using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.DailySummary;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Tests.Functions.Discord;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.DailySummary;

/// <summary>A traded simulated day, then the real DailySummary function: due only after the close, posted once, figures equal the account's.</summary>
public sealed class DailySummaryFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static Task RunAsync(DiscordDesk desk)
    {
        var function = desk.Function<DailySummaryFunction>();
        var context = new FunctionContext(AppRoot.Load(AppContext.BaseDirectory).Find(function.Name)!, "test", NullLogger.Instance, null);
        return function.RunAsync(new TimerTrigger(false, null, null), context, CancellationToken.None);
    }

    private static async Task TradeADayAsync(DiscordDesk desk)
    {
        var trading = desk.Sim.Trading;
        await trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "SPY", Qty = 10m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "day-1" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(60));
        await trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "AAPL", Qty = 20m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "day-2" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(180));
        await trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "SPY", Qty = 4m, Side = "sell", Type = "market", TimeInForce = "day", ClientOrderId = "day-3" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(300));
        await trading.SubmitOrderAsync(new AlpacaOrderRequest { Symbol = "AAPL", Qty = 20m, Side = "sell", Type = "market", TimeInForce = "day", ClientOrderId = "day-4" });
        desk.Sim.MarketAt(TimeSpan.FromMinutes(390 + 15)); // 16:15 ET: closed 15 minutes ago
        var now = desk.Sim.Market.Now;
        await new BarStore(desk.Storage).StoreAsync(desk.Sim.Market.BarsOf("SPY").Concat(desk.Sim.Market.BarsOf("AAPL")).Where(b => b.Start.AddMinutes(1) <= now), CancellationToken.None);
    }

    [Fact]
    public async Task Not_due_before_the_close_so_nothing_is_posted()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        desk.Sim.MarketAt(TimeSpan.FromMinutes(385)); // 15:55 ET

        await RunAsync(desk);

        Assert.Empty(desk.Discord.Requests);
    }

    [Fact]
    public async Task After_the_close_it_posts_once_with_the_account_figures_and_a_real_png()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await TradeADayAsync(desk);
        var account = await desk.Sim.Trading.GetAccountAsync();
        var fills = desk.Sim.Market.State().Fills;

        await RunAsync(desk);
        await RunAsync(desk); // the next hourly run: already sent

        var post = Assert.Single(desk.Discord.Requests);
        Assert.Contains("/webhooks/100000000000000004/", post.Path, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", post.ContentType, StringComparison.Ordinal);
        var payload = JsonNode.Parse(post.Form["payload_json"])!;
        var embed = payload["embeds"]![0]!;
        Assert.Equal("attachment://equity.png", embed["image"]!["url"]!.GetValue<string>());
        string Field(string name) => embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>();

        // The account's own change, to the cent, written out independently of the desk's formatting code.
        var change = account.Equity - account.LastEquity;
        var expected = (change >= 0 ? "+$" : "-$") + Math.Abs(change).ToString("#,##0.00", CultureInfo.InvariantCulture);
        Assert.StartsWith(expected + " (", Field("Day P&L"), StringComparison.Ordinal);
        Assert.Equal("$" + account.Equity.ToString("#,##0.00", CultureInfo.InvariantCulture), Field("Equity"));
        Assert.Equal(4, fills.Count);
        Assert.Equal("Trades (4)", embed["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Single(n => n.StartsWith("Trades", StringComparison.Ordinal)));
        Assert.Contains("of 2", Field("Win rate"), StringComparison.Ordinal); // two closing orders: SELL 4 SPY, SELL 20 AAPL
        Assert.DoesNotContain(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Not explained by fills");

        var png = Assert.Single(post.Files);
        Assert.Equal("equity.png", png.FileName);
        Assert.Equal("image/png", png.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Content[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png.Content, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.Content.AsSpan(16, 4)));
        Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(png.Content.AsSpan(20, 4)));
    }

    [Fact]
    public async Task A_failed_post_is_released_and_the_next_run_sends_it()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await TradeADayAsync(desk);
        desk.Discord.Answer = (_, _) => Adapters.Discord.DiscordReply.Error(500, 0, "down");

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(desk));
        desk.Discord.Answer = (_, n) => Adapters.Discord.DiscordReply.Message($"msg-{n}");
        var failedAttempts = desk.Discord.Requests.Count;
        await RunAsync(desk);
        await RunAsync(desk);

        Assert.Equal(failedAttempts + 1, desk.Discord.Requests.Count);
        Assert.Single(desk.Discord.Requests[^1].Files);
    }
}
