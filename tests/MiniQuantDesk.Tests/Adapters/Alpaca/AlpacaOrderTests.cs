using AlpacaOrderStatus = MiniQuantDesk.Adapters.Alpaca.Models.AlpacaOrderStatus;
using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>What the client sends for orders, and how it reads Alpaca's Order objects.</summary>
public sealed class AlpacaOrderTests : IAsyncLifetime
{
    private const string OrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private LoopbackAlpacaServer server = null!;
    private AlpacaTradingClient client = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackAlpacaServer.StartAsync();
        client = AlpacaTradingClient.Create(AlpacaTestSetup.Options(server));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_market_order_is_sent_with_documented_field_names_and_numbers_as_strings()
    {
        server.On("POST", "/v2/orders", Reply.Fixture(200, "order-accepted.json"));
        var request = new AlpacaOrderRequest
        {
            Symbol = "AAPL",
            Qty = 10m,
            Side = AlpacaOrderSides.Buy,
            Type = AlpacaOrderTypes.Market,
            TimeInForce = AlpacaTimeInForce.Day,
            ClientOrderId = "momo-AAPL-20240304T1431Z-buy",
        };

        var result = await client.SubmitOrderAsync(request);

        var sent = Assert.Single(server.Requests);
        Assert.StartsWith("application/json", sent.Headers["Content-Type"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(sent.Body);
        var root = body.RootElement;
        // The spec §4 example body, field for field; nothing else (no nulls) is sent.
        Assert.Equal(
            ["client_order_id", "qty", "side", "symbol", "time_in_force", "type"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, root.GetProperty("qty").ValueKind);
        Assert.Equal("10", root.GetProperty("qty").GetString());
        Assert.Equal("buy", root.GetProperty("side").GetString());
        Assert.Equal("market", root.GetProperty("type").GetString());
        Assert.Equal("day", root.GetProperty("time_in_force").GetString());
        Assert.Equal("momo-AAPL-20240304T1431Z-buy", root.GetProperty("client_order_id").GetString());
        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.Direct, placed.Path);
        Assert.Equal(AlpacaOrderStatus.Accepted, placed.Order.StatusKind);
    }

    [Fact]
    public async Task An_intent_with_both_exits_becomes_a_bracket_with_string_prices()
    {
        server.On("POST", "/v2/orders", Reply.Fixture(200, "order-bracket-nested.json"));
        var intent = new OrderIntent(
            "brk-SPY-20240304T1500Z-buy", "SPY", OrderSide.Buy, 5m, OrderType.Limit, 512.10m,
            new DateTimeOffset(2024, 3, 4, 15, 0, 0, TimeSpan.Zero), "momo", 512.00m, new ProtectiveExit(505.00m, 520.00m));

        await client.SubmitOrderAsync(AlpacaOrderRequest.FromIntent(intent));

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var root = body.RootElement;
        Assert.Equal("bracket", root.GetProperty("order_class").GetString());
        Assert.Equal("limit", root.GetProperty("type").GetString());
        Assert.Equal("512.10", root.GetProperty("limit_price").GetString());
        Assert.Equal("5", root.GetProperty("qty").GetString());
        Assert.Equal("520.00", root.GetProperty("take_profit").GetProperty("limit_price").GetString());
        Assert.Equal("505.00", root.GetProperty("stop_loss").GetProperty("stop_price").GetString());
        Assert.False(root.GetProperty("stop_loss").TryGetProperty("limit_price", out _));
        Assert.Equal("brk-SPY-20240304T1500Z-buy", root.GetProperty("client_order_id").GetString());
    }

    [Fact]
    public async Task An_order_without_client_order_id_is_refused_before_anything_is_sent()
    {
        var request = new AlpacaOrderRequest
        {
            Symbol = "AAPL", Qty = 1m, Side = "buy", Type = "market", TimeInForce = "day", ClientOrderId = "",
        };

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitOrderAsync(request));

        Assert.Contains("client_order_id", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Order_reads_decimals_nanosecond_times_and_keeps_the_raw_status()
    {
        server.On("GET", "/v2/orders/" + OrderId, Reply.Fixture(200, "order-filled.json"));

        var order = await client.GetOrderAsync(OrderId);

        Assert.NotNull(order);
        Assert.Equal("filled", order.Status);
        Assert.Equal(AlpacaOrderStatus.Filled, order.StatusKind);
        Assert.True(order.StatusKind.IsTerminal());
        Assert.Equal(10m, order.Qty);
        Assert.Null(order.Notional);
        Assert.Equal(175.0312m, order.FilledAvgPrice);
        Assert.Equal(OrderSide.Buy, order.DomainSide);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 14, 31, 3, 110, TimeSpan.Zero), order.FilledAt);
    }

    [Fact]
    public async Task Nested_legs_parse_and_an_unknown_status_is_in_flight_not_a_crash()
    {
        server.On("GET", "/v2/orders/a1b2c3d4-0000-4000-8000-000000000001", Reply.Fixture(200, "order-bracket-nested.json"));

        var order = await client.GetOrderAsync("a1b2c3d4-0000-4000-8000-000000000001", nested: true);

        Assert.Equal("true", Assert.Single(server.Requests).Query["nested"]);
        Assert.NotNull(order);
        Assert.Equal(512.10m, order.LimitPrice);
        Assert.Equal(TimeSpan.FromHours(-5), order.CreatedAt!.Value.Offset);
        Assert.Equal(2, order.Legs!.Count);
        Assert.Equal(AlpacaOrderStatus.Held, order.Legs[0].StatusKind);
        Assert.Equal("some_future_status", order.Legs[1].Status);
        Assert.Equal(AlpacaOrderStatus.Unknown, order.Legs[1].StatusKind);
        Assert.False(order.Legs[1].StatusKind.IsTerminal());
        Assert.Equal(505.00m, order.Legs[1].StopPrice);
    }

    [Fact]
    public async Task Lookup_by_client_order_id_uses_the_literal_colon_path_and_404_is_null()
    {
        server.On("GET", "/v2/orders:by_client_order_id", Reply.Fixture(404, "error-404-order.json"));

        var order = await client.GetOrderByClientOrderIdAsync("momo-AAPL-20240304T1431Z-buy");

        Assert.Null(order);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/orders:by_client_order_id", request.Path);
        Assert.Equal("momo-AAPL-20240304T1431Z-buy", request.Query["client_order_id"]);
    }

    [Fact]
    public async Task List_orders_sends_every_filter()
    {
        server.On("GET", "/v2/orders", Reply.Json(200, $"[{AlpacaFixtures.Read("order-filled.json")},{AlpacaFixtures.Read("order-accepted.json")}]"));
        var query = new AlpacaOrderQuery
        {
            Status = "all",
            Limit = 500,
            After = new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5)),
            Until = new DateTimeOffset(2024, 3, 4, 21, 0, 0, TimeSpan.Zero),
            Direction = "asc",
            Nested = true,
            Symbols = ["AAPL", "MSFT"],
        };

        var orders = await client.ListOrdersAsync(query);

        var sent = Assert.Single(server.Requests).Query;
        Assert.Equal("all", sent["status"]);
        Assert.Equal("500", sent["limit"]);
        Assert.Equal("2024-03-04T14:30:00Z", sent["after"]);
        Assert.Equal("2024-03-04T21:00:00Z", sent["until"]);
        Assert.Equal("asc", sent["direction"]);
        Assert.Equal("true", sent["nested"]);
        Assert.Equal("AAPL,MSFT", sent["symbols"]);
        Assert.Equal(2, orders.Count);
        Assert.Equal(AlpacaOrderStatus.Accepted, orders[1].StatusKind);
    }

    [Fact]
    public async Task Cancel_sends_DELETE_and_a_422_says_not_cancelable()
    {
        server.On("DELETE", "/v2/orders/" + OrderId, Reply.Empty(204));
        await client.CancelOrderAsync(OrderId);

        server.On("DELETE", "/v2/orders/" + OrderId, Reply.Fixture(422, "error-422-not-cancelable.json"));
        var thrown = await Assert.ThrowsAsync<AlpacaException>(() => client.CancelOrderAsync(OrderId));

        Assert.Equal(2, server.RequestsTo("DELETE", "/v2/orders/" + OrderId).Count);
        Assert.Equal(AlpacaErrorKind.Unprocessable, thrown.Kind);
        Assert.Equal("order is not cancelable", thrown.Error.Message);
        Assert.Equal(42210000, thrown.Error.Code);
    }

    [Fact]
    public async Task Cancel_all_reads_each_element_of_the_207()
    {
        server.On("DELETE", "/v2/orders", Reply.Fixture(207, "cancel-all-207.json"));

        var results = await client.CancelAllOrdersAsync();

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Accepted);
        Assert.Equal(AlpacaOrderStatus.PendingCancel, results[0].Order!.StatusKind);
        Assert.False(results[1].Accepted);
        Assert.Equal("d56ba3ea-6d04-48ce-8175-817e242ee608", results[1].OrderId);
        Assert.Equal(AlpacaErrorKind.ServerError, results[1].Error!.Kind);
        Assert.Equal("order is not cancelable", results[1].Error!.Message);
        Assert.True(results[2].Accepted);
        Assert.Null(results[2].Order);
        Assert.Null(results[2].Error);
    }

    [Fact]
    public async Task Replace_sends_PATCH_with_only_the_changed_fields_as_strings()
    {
        server.On("PATCH", "/v2/orders/" + OrderId, Reply.Fixture(200, "order-bracket-nested.json"));

        var replacement = await client.ReplaceOrderAsync(OrderId, new AlpacaReplaceOrderRequest { Qty = 3m, LimitPrice = 511.95m });

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(["limit_price", "qty"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("511.95", body.RootElement.GetProperty("limit_price").GetString());
        Assert.Equal("3", body.RootElement.GetProperty("qty").GetString());
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", replacement.Id);
    }
}
