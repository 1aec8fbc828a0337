using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Requests;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>An order submit is never blindly re-sent: failures are settled by looking the order up by client_order_id.</summary>
public sealed class AlpacaSubmitRecoveryTests : IAsyncLifetime
{
    private const string ClientOrderId = "momo-AAPL-20240304T1431Z-buy";
    private const string Lookup = "/v2/orders:by_client_order_id";
    private LoopbackAlpacaServer server = null!;
    private AlpacaTradingClient client = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackAlpacaServer.StartAsync();
        var options = AlpacaTestSetup.Options(server);
        // Nothing here waits on a slow answer; a short attempt timeout only let a loaded CI machine time out a lookup
        // and retry it (3 GETs where the test counts 2).
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        options.TotalTimeout = TimeSpan.FromSeconds(10);
        client = AlpacaTradingClient.Create(options);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static AlpacaOrderRequest Order() => new()
    {
        Symbol = "AAPL",
        Qty = 10m,
        Side = AlpacaOrderSides.Buy,
        Type = AlpacaOrderTypes.Market,
        TimeInForce = AlpacaTimeInForce.Day,
        ClientOrderId = ClientOrderId,
    };

    [Fact]
    public async Task A_500_on_submit_is_settled_by_lookup_without_a_second_POST()
    {
        server.On("POST", "/v2/orders", Reply.Json(500, """{"code":50010000,"message":"internal server error"}"""));
        server.On("GET", Lookup, Reply.Fixture(200, "order-accepted.json"));

        var result = await client.SubmitOrderAsync(Order());

        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.FoundAfterFailure, placed.Path);
        Assert.Equal("61e69015-8549-4bfd-b9c3-01e75843f47d", placed.Order.Id);
        Assert.Single(server.RequestsTo("POST", "/v2/orders"));
        Assert.Equal(ClientOrderId, Assert.Single(server.RequestsTo("GET", Lookup)).Query["client_order_id"]);
    }

    [Fact]
    public async Task A_timed_out_submit_not_found_by_lookup_is_resubmitted_once_with_the_same_body()
    {
        server.On("POST", "/v2/orders", Reply.Never(), Reply.Fixture(200, "order-accepted.json"));
        server.On("GET", Lookup, Reply.Fixture(404, "error-404-order.json"));

        var result = await client.SubmitOrderAsync(Order());

        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.Resubmitted, placed.Path);
        var posts = server.RequestsTo("POST", "/v2/orders");
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Single(server.RequestsTo("GET", Lookup));
    }

    [Fact]
    public async Task A_resubmit_answered_duplicate_adopts_the_order_that_had_landed()
    {
        server.On("POST", "/v2/orders", Reply.Never(), Reply.Fixture(422, "error-422-duplicate.json"));
        server.On("GET", Lookup, Reply.Fixture(404, "error-404-order.json"), Reply.Fixture(200, "order-accepted.json"));

        var result = await client.SubmitOrderAsync(Order());

        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.FoundAfterDuplicate, placed.Path);
        Assert.Equal(2, server.RequestsTo("POST", "/v2/orders").Count);
        Assert.Equal(2, server.RequestsTo("GET", Lookup).Count);
    }

    [Fact]
    public async Task A_first_answer_of_duplicate_adopts_the_existing_order()
    {
        server.On("POST", "/v2/orders", Reply.Fixture(422, "error-422-duplicate.json"));
        server.On("GET", Lookup, Reply.Fixture(200, "order-filled.json"));

        var result = await client.SubmitOrderAsync(Order());

        var placed = Assert.IsType<SubmitOrderResult.Placed>(result);
        Assert.Equal(SubmitPath.FoundAfterDuplicate, placed.Path);
        Assert.Equal("filled", placed.Order.Status);
        Assert.Single(server.RequestsTo("POST", "/v2/orders"));
    }

    [Fact]
    public async Task When_neither_submit_nor_lookup_answers_the_outcome_is_unknown()
    {
        server.On("POST", "/v2/orders", Reply.Json(503, "<html>Service Unavailable</html>"));
        server.On("GET", Lookup, Reply.Json(503, "<html>Service Unavailable</html>"));

        var result = await client.SubmitOrderAsync(Order());

        var unknown = Assert.IsType<SubmitOrderResult.OutcomeUnknown>(result);
        Assert.Equal(ClientOrderId, unknown.ClientOrderId);
        Assert.Equal(AlpacaErrorKind.ServerError, unknown.LastError.Kind);
        Assert.Single(server.RequestsTo("POST", "/v2/orders"));
        // The lookup is a GET: it gets the retries (MaxRetries = 2 → 3 attempts).
        Assert.Equal(3, server.RequestsTo("GET", Lookup).Count);
    }

    [Fact]
    public async Task A_second_failure_after_resubmit_ends_unknown_without_a_third_POST()
    {
        server.On("POST", "/v2/orders", Reply.Json(502, "bad gateway"));
        server.On("GET", Lookup, Reply.Fixture(404, "error-404-order.json"));

        var result = await client.SubmitOrderAsync(Order());

        Assert.IsType<SubmitOrderResult.OutcomeUnknown>(result);
        Assert.Equal(2, server.RequestsTo("POST", "/v2/orders").Count);
        Assert.Equal(2, server.RequestsTo("GET", Lookup).Count);
    }

    [Fact]
    public async Task A_422_is_a_rejection_carrying_the_brokers_code_and_message()
    {
        server.On("POST", "/v2/orders", Reply.Fixture(422, "error-422-invalid.json"));

        var result = await client.SubmitOrderAsync(Order());

        var rejected = Assert.IsType<SubmitOrderResult.Rejected>(result);
        Assert.Equal(AlpacaErrorKind.Unprocessable, rejected.Error.Kind);
        Assert.Equal(40010001, rejected.Error.Code);
        Assert.Equal("qty must be > 0", rejected.Error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_403_is_a_forbidden_rejection_and_nothing_is_looked_up()
    {
        server.On("POST", "/v2/orders", Reply.Fixture(403, "error-403-buying-power.json"));

        var result = await client.SubmitOrderAsync(Order());

        var rejected = Assert.IsType<SubmitOrderResult.Rejected>(result);
        Assert.Equal(AlpacaErrorKind.Forbidden, rejected.Error.Kind);
        Assert.Equal(40310000, rejected.Error.Code);
        Assert.Equal("insufficient buying power", rejected.Error.Message);
        Assert.Single(server.Requests);
    }
}
