using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Orders;
using MiniQuantDesk.Tests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// The dashboard in headless Chromium during a replayed session: it shows what the broker has, to the cent and
/// equal to its JSON, draws the equity chart, and updates in place when a fill happens.
/// </summary>
[Collection(DashboardSession.Collection)]
public sealed class DashboardBrowserTests(DashboardSession session, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_page_shows_the_brokers_positions_and_orders_to_the_cent_draws_equity_and_updates_on_a_fill()
    {
        var clock = Stopwatch.StartNew();
        await using var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1250 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var pageUrl = new Uri(session.BaseAddress, "api/dashboard?refresh=1").ToString();
        await page.GotoAsync(pageUrl);
        await WaitForUpdatesAsync(page, 1);
        var pageId = await page.EvaluateAsync<string>("window.__dashboardPageId");

        // A fill the test causes: an order intent through the real queue, priced from the last stored bar.
        var bars = new BarStore(session.Storage);
        var last = (await DeskUnderTest.EventuallyAsync(async () => await bars.ReadSinceAsync("QQQ", session.Market.Now.AddMinutes(-5), CancellationToken.None) is { Count: > 0 } b ? b : null, Patience, "a stored QQQ bar"))[^1];
        var intentId = "dash-" + Guid.NewGuid().ToString("N")[..10];
        var intent = new OrderIntent(intentId, "QQQ", OrderSide.Buy, 7m, OrderType.Market, null, last.Start, "dashboard-test", last.Close);
        await session.Storage.Queue(DeskQueues.OrderIntents).CreateIfNotExistsAsync();
        await session.Storage.Queue(DeskQueues.OrderIntents).SendMessageAsync(OrderIntentMessage.ToJson(intent).ToJsonString());
        SimulatedOrder brokerOrder;
        try
        {
            brokerOrder = await DeskUnderTest.EventuallyAsync(() => Task.FromResult(session.Market.State().Orders.FirstOrDefault(o => o.ClientOrderId == intentId && o.Status == "filled")), Patience, "the intent filled at the broker");
        }
        catch (TimeoutException)
        {
            var log = await new TransactionLog(session.Storage).ReadDayAsync(session.Market.Now, CancellationToken.None);
            throw new TimeoutException($"intent {intentId} (bar {last.Start:HH:mm}, market now {session.Market.Now:HH:mm:ss}) never filled; its log: " +
                string.Join(" | ", log.Where(e => e.ToJsonString().Contains(intentId, StringComparison.Ordinal)).Select(e => e.ToJsonString())));
        }


        var row = page.Locator($"tr[data-order='{intentId}']");
        await Assertions.Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("Filled", new() { Timeout = 30_000 });
        Assert.Equal(Plain(brokerOrder.FilledQty), await row.Locator("[data-field=filledQty]").TextContentAsync());
        Assert.Equal(Price(brokerOrder.FilledAvgPrice!.Value), await row.Locator("[data-field=avgFillPrice]").TextContentAsync());
        await Assertions.Expect(page.Locator("tr[data-symbol='QQQ'] [data-field=qty]").First).Not.ToBeEmptyAsync();
        // Updated in place: the same document, never navigated again.
        Assert.Equal(pageId, await page.EvaluateAsync<string>("window.__dashboardPageId"));
        Assert.Equal(1, await page.EvaluateAsync<int>("performance.getEntriesByType('navigation').length"));
        output.WriteLine($"fill shown without reload after {clock.Elapsed.TotalSeconds:F1} s");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard.png"), FullPage = true });
        var chart = await page.Locator("#equity-day").ScreenshotAsync();
        var (drawn, total) = LinePixels(chart);
        Assert.True(drawn > 200, $"the equity chart has {drawn} line-coloured pixels of {total}: nothing drawn");
        Assert.True(int.Parse(await page.Locator("#equity-day").GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture) >= 5);

        // After the close nothing moves any more: the page, its JSON and the broker must agree to the cent.
        var orders = new OrderStore(session.Storage);
        await DeskUnderTest.EventuallyAsync(async () =>
            session.Market.Now >= DashboardSession.Close.AddMinutes(10)
            && (await orders.ListAsync(CancellationToken.None)).All(o => o.Record.IsTerminal)
            && session.Market.State().Orders.All(o => o.Status is "filled" or "canceled" or "expired" or "rejected") ? "settled" : null,
            TimeSpan.FromSeconds(90), "the session closed and every order settled");
        var settledAt = session.Market.Now;
        await DeskUnderTest.EventuallyAsync(async () => DateTimeOffset.Parse(await page.EvaluateAsync<string>("document.body.dataset.asOf"), CultureInfo.InvariantCulture) > settledAt ? "fresh" : null, Patience, "a page refresh after settling");

        var broker = session.Market.State();
        using var http = new HttpClient { BaseAddress = session.BaseAddress };
        var json = JsonNode.Parse(await http.GetStringAsync("api/dashboard/data/all"))!.AsObject();
        await WaitForUpdatesAsync(page, await page.EvaluateAsync<int>("Number(document.body.dataset.updates)") + 1);

        // Account: equity and cash.
        Assert.Equal(Cents(broker.Equity), (string?)json["overview"]!["account"]!["equity"]);
        Assert.Equal(Cents(broker.Cash), (string?)json["overview"]!["account"]!["cash"]);
        Assert.Equal(Cents(broker.Equity), Ungrouped(await page.Locator("#kpis [data-field=equity]").TextContentAsync()));
        Assert.Equal(Cents(broker.Cash), Ungrouped(await page.Locator("#kpis [data-field=cash]").TextContentAsync()));

        // Positions: the broker's, each number on the page equal to the JSON and to the broker.
        var held = broker.Positions.Where(p => p.Qty != 0m).ToList();
        Assert.NotEmpty(held);
        Assert.Equal(held.Count, await page.Locator("#positions tbody tr").CountAsync());
        Assert.Equal(held.Count, json["positions"]!["items"]!.AsArray().Count);
        foreach (var p in held)
        {
            var item = json["positions"]!["items"]!.AsArray().Single(i => (string?)i!["symbol"] == p.Symbol)!;
            var cells = page.Locator($"#positions tr[data-symbol='{p.Symbol}']");
            Assert.Equal((Plain(p.Qty), Plain(p.Qty)), ((string?)item["qty"], await cells.Locator("[data-field=qty]").TextContentAsync()));
            Assert.Equal((Price(p.AvgEntryPrice), Price(p.AvgEntryPrice)), ((string?)item["avgEntryPrice"], await cells.Locator("[data-field=avgEntryPrice]").TextContentAsync()));
            Assert.Equal((Cents(p.MarketValue), Cents(p.MarketValue)), ((string?)item["marketValue"], Ungrouped(await cells.Locator("[data-field=marketValue]").TextContentAsync())));
            Assert.Equal((Cents(p.UnrealizedPnl), Cents(p.UnrealizedPnl)), ((string?)item["unrealizedPl"], Ungrouped(await cells.Locator("[data-field=unrealizedPl]").TextContentAsync())));
        }

        // Orders: every broker order on the page with the broker's filled quantity and average price.
        Assert.True(broker.Orders.Count <= 25, $"{broker.Orders.Count} broker orders: more than the page lists as recent");
        Assert.Equal(broker.Orders.Count, await page.Locator("#orders-open tbody tr, #orders-recent tbody tr").CountAsync());
        foreach (var o in broker.Orders)
        {
            var cells = page.Locator($"tr[data-order='{o.ClientOrderId}']");
            var item = json["orders"]!["recent"]!.AsArray().Concat(json["orders"]!["open"]!.AsArray()).Single(i => (string?)i!["clientOrderId"] == o.ClientOrderId)!;
            Assert.Equal((Plain(o.FilledQty), Plain(o.FilledQty)), ((string?)item["filledQty"], await cells.Locator("[data-field=filledQty]").TextContentAsync()));
            var price = o.FilledAvgPrice is { } a ? Price(a) : null;
            Assert.Equal((price, price ?? "–"), ((string?)item["avgFillPrice"], await cells.Locator("[data-field=avgFillPrice]").TextContentAsync()));
            Assert.NotEmpty(item["history"]!.AsArray());
        }

        var html = await page.ContentAsync();
        Assert.All(session.Secrets, secret => Assert.DoesNotContain(secret, html + json.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        Assert.Empty(errors);
        output.WriteLine($"browser start {session.BrowserStart.TotalSeconds:F1} s; test {clock.Elapsed.TotalSeconds:F1} s; {broker.Orders.Count} orders, {held.Count} positions");
    }

    // Polled from here: the page's Content-Security-Policy forbids the eval that WaitForFunctionAsync relies on.
    private static Task WaitForUpdatesAsync(IPage page, int atLeast) =>
        DeskUnderTest.EventuallyAsync(async () => await page.EvaluateAsync<int>("Number(document.body.dataset.updates || 0)") >= atLeast ? "updated" : null, TimeSpan.FromSeconds(30), $"page update {atLeast}");

    /// <summary>Pixels of the line colours (rise green #36c98e, fall red #ef5b5b) in a PNG screenshot.</summary>
    private static (int Drawn, int Total) LinePixels(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var drawn = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Near(c, 0x36, 0xc9, 0x8e) || Near(c, 0xef, 0x5b, 0x5b))
                {
                    drawn++;
                }
            }
        }

        return (drawn, bitmap.Width * bitmap.Height);
    }

    private static bool Near(SKColor c, int r, int g, int b) => Math.Abs(c.Red - r) < 40 && Math.Abs(c.Green - g) < 40 && Math.Abs(c.Blue - b) < 40;

    private static string Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture);

    private static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Price(decimal value) => Plain(Math.Round(value, 4, MidpointRounding.AwayFromZero));

    private static string? Ungrouped(string? text) => text?.Replace(",", "", StringComparison.Ordinal);
}
