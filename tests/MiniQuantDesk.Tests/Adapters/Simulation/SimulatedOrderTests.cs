using System.Net;
using System.Text;
using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

/// <summary>
/// Fills against the bundled 2019-02-12 bars; every expected price below is read off that session's rows (quoted in
/// the comments, same values as Fixtures/bars/1min) and the money is worked out by hand.
/// </summary>
public sealed class SimulatedOrderTests
{
    internal static AlpacaOrderRequest Market(string symbol, decimal qty, string side = AlpacaOrderSides.Buy, string? id = null) => new()
    {
        Symbol = symbol,
        Qty = qty,
        Side = side,
        Type = AlpacaOrderTypes.Market,
        TimeInForce = AlpacaTimeInForce.Day,
        ClientOrderId = id ?? Guid.NewGuid().ToString("N"),
    };

    internal static AlpacaOrderRequest Limit(string symbol, decimal qty, decimal limit, string side = AlpacaOrderSides.Buy) =>
        Market(symbol, qty, side) with { Type = AlpacaOrderTypes.Limit, LimitPrice = limit };

    internal static async Task<AlpacaOrder> PlaceAsync(SimHarness sim, AlpacaOrderRequest request)
    {
        var result = await sim.Trading.SubmitOrderAsync(request);
        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.Direct, placed.Path);
        return placed.Order;
    }

    [Fact]
    public async Task A_market_order_fills_at_the_open_of_the_next_bar_and_the_books_are_right_to_the_cent()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5)); // 09:35:30 ET, inside the 09:35 bar

        var placed = await PlaceAsync(sim, Market("SPY", 10));
        sim.MarketAt(SimHarness.Minutes(6.5)); // 09:36:30: the 09:36 bar is still forming
        var whileForming = await sim.Trading.GetOrderAsync(placed.Id);
        sim.MarketAt(SimHarness.Minutes(7)); // 09:37:00: the 09:36 bar has completed
        var filled = await sim.Trading.GetOrderAsync(placed.Id);
        var position = await sim.Trading.GetPositionAsync("SPY");
        var account = await sim.Trading.GetAccountAsync();

        Assert.Equal("new", placed.Status);
        Assert.Equal("new", whileForming!.Status);
        Assert.Equal(0m, whileForming.FilledQty);

        // SPY 2019-02-12T14:36:00Z: open 272.56, close 272.61.
        Assert.Equal("filled", filled!.Status);
        Assert.Equal(10m, filled.FilledQty);
        Assert.Equal(272.56m, filled.FilledAvgPrice);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 36, 0, TimeSpan.Zero), filled.FilledAt);
        Assert.Equal(10m, position!.Qty);
        Assert.Equal(272.56m, position.AvgEntryPrice);
        Assert.Equal(2725.60m, position.CostBasis);        // 10 × 272.56
        Assert.Equal(272.61m, position.CurrentPrice);
        Assert.Equal(2726.10m, position.MarketValue);      // 10 × 272.61
        Assert.Equal(0.50m, position.UnrealizedPl);        // 2726.10 − 2725.60
        Assert.Equal(97274.40m, account.Cash);             // 100000 − 2725.60
        Assert.Equal(100000.50m, account.Equity);          // 97274.40 + 2726.10
        Assert.Equal(2726.10m, account.LongMarketValue);
    }

    [Fact]
    public async Task Closing_a_position_sells_at_the_next_open_and_returns_the_cash()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));
        await PlaceAsync(sim, Market("SPY", 10));
        sim.MarketAt(SimHarness.Minutes(7.5)); // bought at 272.56 (09:36 open)

        var closing = await sim.Trading.ClosePositionAsync("SPY");
        sim.MarketAt(SimHarness.Minutes(9));
        var closed = await sim.Trading.GetOrderAsync(closing.Id);
        var account = await sim.Trading.GetAccountAsync();
        var fills = await sim.Trading.GetFillActivitiesAsync();

        // SPY 2019-02-12T14:38:00Z open 272.7: cash = 97274.40 + 10 × 272.7 = 100001.40.
        Assert.Equal("sell", closing.Side);
        Assert.Equal(272.7m, closed!.FilledAvgPrice);
        Assert.Null(await sim.Trading.GetPositionAsync("SPY"));
        Assert.Equal(100001.40m, account.Cash);
        Assert.Equal(100001.40m, account.Equity);
        Assert.Equal([("buy", 272.56m), ("sell", 272.7m)], fills.Select(f => (f.Side, f.Price)));
    }

    [Fact]
    public async Task A_limit_order_fills_only_when_a_bar_trades_through_the_limit()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));

        var atOpen = await PlaceAsync(sim, Limit("AAPL", 5, 170.14m));
        var atLimit = await PlaceAsync(sim, Limit("AAPL", 5, 170.10m));
        sim.MarketAt(SimHarness.Minutes(27)); // 09:57:00, after the 09:56 bar
        var afterTouches = await sim.Trading.GetOrderAsync(atOpen.Id);
        sim.MarketAt(SimHarness.Minutes(28)); // after the 09:57 bar
        var throughAtOpen = await sim.Trading.GetOrderAsync(atOpen.Id);
        var stillWaiting = await sim.Trading.GetOrderAsync(atLimit.Id);
        sim.MarketAt(SimHarness.Minutes(30)); // after the 09:59 bar
        var throughAtLimit = await sim.Trading.GetOrderAsync(atLimit.Id);

        // AAPL lows: 14:39 170.14 and 14:56 170.14 only touch 170.14 → no fill.
        Assert.Equal("new", afterTouches!.Status);
        // 14:57 opens at 170.1332, already below the 170.14 limit → filled at that open.
        Assert.Equal("filled", throughAtOpen!.Status);
        Assert.Equal(170.1332m, throughAtOpen.FilledAvgPrice);
        // 14:57 low 170.1332 and 14:58 low 170.15 stay above 170.10; 14:59 (open 170.16, low 169.97) trades through → at the limit.
        Assert.Equal("new", stillWaiting!.Status);
        Assert.Equal("filled", throughAtLimit!.Status);
        Assert.Equal(170.10m, throughAtLimit.FilledAvgPrice);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 59, 0, TimeSpan.Zero), throughAtLimit.FilledAt);
    }

    [Fact]
    public async Task Volume_caps_split_an_order_into_partial_fills()
    {
        await using var sim = await SimHarness.StartAsync(o => o.MaxVolumeFraction = 0.0001m);
        sim.MarketAt(SimHarness.Minutes(5.5));

        var placed = await PlaceAsync(sim, Market("AAPL", 30));
        sim.MarketAt(SimHarness.Minutes(7));
        var afterOneBar = await sim.Trading.GetOrderAsync(placed.Id);
        sim.MarketAt(SimHarness.Minutes(10));
        var done = await sim.Trading.GetOrderAsync(placed.Id);
        var fills = await sim.Trading.GetFillActivitiesAsync();
        var account = await sim.Trading.GetAccountAsync();

        // AAPL bars (open, volume) and caps floor(volume × 0.0001):
        //   14:36 170.32 125967 → 12;  14:37 170.42 108522 → 10;  14:38 170.31 74747 → 7;  14:39 170.378 → the last 1.
        Assert.Equal("partially_filled", afterOneBar!.Status);
        Assert.Equal(12m, afterOneBar.FilledQty);
        Assert.Equal([12m, 10m, 7m, 1m], fills.Select(f => f.Qty));
        Assert.Equal([170.32m, 170.42m, 170.31m, 170.378m], fills.Select(f => f.Price));
        Assert.Equal(["partial_fill", "partial_fill", "partial_fill", "fill"], fills.Select(f => f.Type));
        Assert.Equal([12m, 22m, 29m, 30m], fills.Select(f => f.CumQty));
        Assert.Equal(4, fills.Select(f => f.Id).Distinct().Count());
        Assert.Equal("filled", done!.Status);
        // 12×170.32 + 10×170.42 + 7×170.31 + 1×170.378 = 2043.84 + 1704.20 + 1192.17 + 170.378 = 5110.588
        Assert.Equal(5110.588m / 30m, done.FilledAvgPrice);
        Assert.Equal(94889.412m, account.Cash);
    }

    [Fact]
    public async Task Fill_activities_page_by_the_last_id()
    {
        await using var sim = await SimHarness.StartAsync(o => o.MaxVolumeFraction = 0.0001m);
        sim.MarketAt(SimHarness.Minutes(5.5));
        await PlaceAsync(sim, Market("AAPL", 30));
        sim.MarketAt(SimHarness.Minutes(10));

        var paged = await sim.Trading.GetFillActivitiesAsync(pageSize: 3);
        using var newestFirst = JsonDocument.Parse(await sim.Raw.GetStringAsync("v2/account/activities?activity_types=FILL&page_size=2"));
        var token = newestFirst.RootElement[1].GetProperty("id").GetString();
        using var next = JsonDocument.Parse(await sim.Raw.GetStringAsync($"v2/account/activities?activity_types=FILL&page_size=2&page_token={Uri.EscapeDataString(token!)}"));

        Assert.Equal([12m, 10m, 7m, 1m], paged.Select(f => f.Qty));
        // Default direction is desc: 1, 7 then 10, 12.
        Assert.Equal(["1", "7"], newestFirst.RootElement.EnumerateArray().Select(f => f.GetProperty("qty").GetString()));
        Assert.Equal(["10", "12"], next.RootElement.EnumerateArray().Select(f => f.GetProperty("qty").GetString()));
    }

    [Fact]
    public async Task Bracket_legs_wait_for_the_entry_then_the_first_exit_cancels_the_other()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));

        var entry = await PlaceAsync(sim, Market("AAPL", 10) with
        {
            OrderClass = AlpacaOrderClasses.Bracket,
            TakeProfit = new AlpacaTakeProfit(170.45m),
            StopLoss = new AlpacaStopLoss(170.00m),
        });
        sim.MarketAt(SimHarness.Minutes(8));
        var nested = await sim.Trading.GetOrderAsync(entry.Id, nested: true);
        var account = await sim.Trading.GetAccountAsync();

        Assert.Equal(["held", "held"], entry.Legs!.Select(l => l.Status));
        // 14:36: entry fills at the open 170.32; its high 170.465 is above the target, but legs only work from the next bar.
        // 14:37: high 170.49 > 170.45 → take profit at max(open 170.42, 170.45) = 170.45; low 170.213 never reached 170.00.
        Assert.Equal("filled", nested!.Status);
        Assert.Equal(170.32m, nested.FilledAvgPrice);
        var takeProfit = nested.Legs!.Single(l => l.Type == "limit");
        var stopLoss = nested.Legs!.Single(l => l.Type == "stop");
        Assert.Equal(("filled", 170.45m), (takeProfit.Status, takeProfit.FilledAvgPrice));
        Assert.Equal("canceled", stopLoss.Status);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 37, 0, TimeSpan.Zero), takeProfit.FilledAt);
        // 100000 − 10×170.32 + 10×170.45 = 100001.30, flat.
        Assert.Equal(100001.30m, account.Cash);
        Assert.Empty(await sim.Trading.ListPositionsAsync());
    }

    [Fact]
    public async Task Cancel_ends_an_open_order_and_a_second_cancel_is_422()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));
        var order = await PlaceAsync(sim, Limit("SPY", 1, 250m));

        await sim.Trading.CancelOrderAsync(order.Id);
        sim.MarketAt(SimHarness.Minutes(60));
        var canceled = await sim.Trading.GetOrderAsync(order.Id);
        var again = await Assert.ThrowsAsync<AlpacaException>(() => sim.Trading.CancelOrderAsync(order.Id));
        var open = await sim.Trading.ListOrdersAsync();
        var closed = await sim.Trading.ListOrdersAsync(new AlpacaOrderQuery { Status = "closed" });

        Assert.Equal("canceled", canceled!.Status);
        Assert.NotNull(canceled.CanceledAt);
        Assert.Equal(AlpacaErrorKind.Unprocessable, again.Error.Kind);
        Assert.Empty(open);
        Assert.Equal([order.Id], closed.Select(o => o.Id));
    }

    [Fact]
    public async Task Cancel_all_answers_207_per_open_order()
    {
        await using var sim = await SimHarness.StartAsync();
        var a = await PlaceAsync(sim, Limit("SPY", 1, 250m));
        var b = await PlaceAsync(sim, Limit("QQQ", 1, 150m));

        var results = await sim.Trading.CancelAllOrdersAsync();

        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), results.Select(r => r.OrderId).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(results, r => Assert.Equal("canceled", r.Order!.Status));
    }

    [Fact]
    public async Task Replace_moves_a_limit_and_the_old_order_reads_replaced()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));
        var order = await PlaceAsync(sim, Limit("SPY", 3, 250m));

        var replacement = await sim.Trading.ReplaceOrderAsync(order.Id, new AlpacaReplaceOrderRequest { LimitPrice = 272.60m });
        sim.MarketAt(SimHarness.Minutes(7));
        var old = await sim.Trading.GetOrderByClientOrderIdAsync(order.ClientOrderId);
        var filled = await sim.Trading.GetOrderAsync(replacement.Id);

        Assert.NotEqual(order.Id, replacement.Id);
        Assert.Equal(order.Id, replacement.Replaces);
        Assert.Equal(("replaced", replacement.Id), (old!.Status, old.ReplacedBy));
        // SPY 14:36 open 272.56 < 272.60 → filled at the open.
        Assert.Equal(("filled", 272.56m, 3m), (filled!.Status, filled.FilledAvgPrice, filled.FilledQty));
    }

    [Fact]
    public async Task A_duplicate_client_order_id_is_422_and_the_client_adopts_the_first_order()
    {
        await using var sim = await SimHarness.StartAsync();
        var first = await PlaceAsync(sim, Market("SPY", 1, id: "dup-1"));

        using var raw = await sim.Raw.PostAsync("v2/orders", new StringContent(
            """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day","client_order_id":"dup-1"}""", Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await raw.Content.ReadAsStringAsync());
        var viaClient = await sim.Trading.SubmitOrderAsync(Market("SPY", 1, id: "dup-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.StatusCode);
        Assert.Equal(40010001, body.RootElement.GetProperty("code").GetInt64());
        Assert.Equal("client_order_id must be unique", body.RootElement.GetProperty("message").GetString());
        var adopted = Assert.IsType<SubmitOrderResult.Placed>(viaClient);
        Assert.Equal(SubmitPath.FoundAfterDuplicate, adopted.Path);
        Assert.Equal(first.Id, adopted.Order.Id);
        Assert.Single(await sim.Trading.ListOrdersAsync(new AlpacaOrderQuery { Status = "all" }));
    }

    [Fact]
    public async Task Orders_beyond_the_money_or_the_shares_are_refused_with_403()
    {
        await using var sim = await SimHarness.StartAsync(o => o.StartingCash = 1000m);
        sim.MarketAt(SimHarness.Minutes(2));

        var tooBig = await sim.Trading.SubmitOrderAsync(Market("SPY", 4)); // 4 × 272.37 (last close) = 1089.48 > 1000
        var naked = await sim.Trading.SubmitOrderAsync(Market("SPY", 1, AlpacaOrderSides.Sell));
        var unknown = await sim.Trading.SubmitOrderAsync(Market("NOPE", 1));

        Assert.Equal((AlpacaErrorKind.Forbidden, "insufficient buying power"), Refusal(tooBig));
        Assert.Equal(AlpacaErrorKind.Forbidden, Refusal(naked).Kind);
        Assert.StartsWith("insufficient qty available for order", Refusal(naked).Message, StringComparison.Ordinal);
        Assert.Equal(AlpacaErrorKind.Unprocessable, Refusal(unknown).Kind);
        Assert.Empty(await sim.Trading.ListOrdersAsync(new AlpacaOrderQuery { Status = "all" }));
    }

    [Fact]
    public async Task Listing_filters_and_orders_like_Alpaca()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(1));
        var first = await PlaceAsync(sim, Limit("SPY", 1, 250m));
        sim.MarketAt(SimHarness.Minutes(2));
        var second = await PlaceAsync(sim, Limit("AAPL", 1, 150m));
        sim.MarketAt(SimHarness.Minutes(3));
        var third = await PlaceAsync(sim, Limit("AAPL", 1, 151m, AlpacaOrderSides.Buy));

        var newestFirst = await sim.Trading.ListOrdersAsync();
        var oldestFirst = await sim.Trading.ListOrdersAsync(new AlpacaOrderQuery { Direction = "asc", Limit = 2 });
        var aaplAfterFirst = await sim.Trading.ListOrdersAsync(new AlpacaOrderQuery { Symbols = ["AAPL"], After = first.SubmittedAt });

        Assert.Equal([third.Id, second.Id, first.Id], newestFirst.Select(o => o.Id));
        Assert.Equal([first.Id, second.Id], oldestFirst.Select(o => o.Id));
        Assert.Equal([third.Id, second.Id], aaplAfterFirst.Select(o => o.Id));
    }

    [Fact]
    public async Task A_split_multiplies_shares_divides_prices_and_applies_to_bars_not_yet_completed()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(5.5));
        await PlaceAsync(sim, Market("SPY", 10));
        sim.MarketAt(SimHarness.Minutes(7.5)); // bought 10 at 272.56; the 09:37 bar is forming

        sim.Market.ApplySplit("SPY", 2m);
        sim.MarketAt(SimHarness.Minutes(8));
        var position = await sim.Trading.GetPositionAsync("SPY");
        var bars = await sim.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["SPY"], Start = SimHarness.Open });

        Assert.Equal(20m, position!.Qty);
        Assert.Equal(136.28m, position.AvgEntryPrice);   // 272.56 / 2
        Assert.Equal(2725.60m, position.CostBasis);      // unchanged
        // 14:36 stays as traded (close 272.61); 14:37 (open 272.62, close 272.68) arrives halved.
        Assert.Equal(272.61m, bars["SPY"][6].Close);
        Assert.Equal((136.31m, 136.34m), (bars["SPY"][7].Open, bars["SPY"][7].Close));
        Assert.Equal(2726.80m, position.MarketValue);     // 20 × 136.34
    }

    private static (AlpacaErrorKind Kind, string Message) Refusal(SubmitOrderResult result)
    {
        var rejected = Assert.IsType<SubmitOrderResult.Rejected>(result);
        return (rejected.Error.Kind, rejected.Error.Message);
    }
}
