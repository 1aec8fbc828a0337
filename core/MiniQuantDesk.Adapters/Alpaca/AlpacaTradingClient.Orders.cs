using System.Net;
using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

public sealed partial class AlpacaTradingClient
{
    /// <summary><c>GET /v2/orders/{id}</c>; null when Alpaca does not know the id (404).</summary>
    public Task<AlpacaOrder?> GetOrderAsync(string orderId, bool nested = false, CancellationToken cancellationToken = default)
    {
        var url = Url("/v2/orders/" + AlpacaUrl.Segment(orderId)).Add("nested", nested ? true : null);
        return transport.SendForJsonOrNotFoundAsync(Get(url), AlpacaJsonContext.Default.AlpacaOrder, cancellationToken);
    }

    /// <summary>
    /// <c>GET /v2/orders:by_client_order_id</c> (the colon is literal); null when no order has that id (404).
    /// A replaced order comes back as the original, status replaced, with <c>replaced_by</c> set.
    /// </summary>
    public Task<AlpacaOrder?> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var url = Url("/v2/orders:by_client_order_id").Add("client_order_id", clientOrderId);
        return transport.SendForJsonOrNotFoundAsync(Get(url), AlpacaJsonContext.Default.AlpacaOrder, cancellationToken);
    }

    /// <summary><c>GET /v2/orders</c> with the query's filters (Alpaca defaults: open, 50, desc).</summary>
    public async Task<IReadOnlyList<AlpacaOrder>> ListOrdersAsync(AlpacaOrderQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new AlpacaOrderQuery();
        var url = Url("/v2/orders")
            .Add("status", query.Status)
            .Add("limit", query.Limit)
            .Add("after", query.After)
            .Add("until", query.Until)
            .Add("direction", query.Direction)
            .Add("nested", query.Nested)
            .Add("symbols", query.Symbols)
            .Add("side", query.Side);
        return await transport.SendForJsonAsync(Get(url), AlpacaJsonContext.Default.ListAlpacaOrder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>DELETE /v2/orders/{id}</c>: Alpaca accepted the cancel request (204). That is not "canceled" — the order
    /// may still fill; re-read it. Throws <see cref="AlpacaException"/> with Unprocessable when the order is no
    /// longer cancelable, NotFound when unknown.
    /// </summary>
    public async Task CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var call = new AlpacaCall(HttpMethod.Delete, Url("/v2/orders/" + AlpacaUrl.Segment(orderId)).ToUri(), null, SafeToRepeat: true);
        using var response = await transport.SendAsync(call, cancellationToken).ConfigureAwait(false);
        await AlpacaTransport.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /v2/orders</c>: one element per open order from the 207 Multi-Status body.</summary>
    public async Task<IReadOnlyList<AlpacaOrderCancellation>> CancelAllOrdersAsync(CancellationToken cancellationToken = default)
    {
        var call = new AlpacaCall(HttpMethod.Delete, Url("/v2/orders").ToUri(), null, SafeToRepeat: true);
        var items = await transport.SendForJsonAsync(call, AlpacaJsonContext.Default.ListCancellationWire, cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            var status = (HttpStatusCode)item.Status;
            var (order, error) = ReadMultiStatusBody(status, item.Body);
            return new AlpacaOrderCancellation(item.Id ?? order?.Id ?? "", status, order, error);
        }).ToList();
    }

    /// <summary>
    /// <c>PATCH /v2/orders/{id}</c> → the new order (new id; the old one becomes replaced). Not repeated after a
    /// 5xx or timeout (a replace is not idempotent): on <see cref="AlpacaException"/> re-read the order.
    /// </summary>
    public Task<AlpacaOrder> ReplaceOrderAsync(string orderId, AlpacaReplaceOrderRequest replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var body = transport.Serialize(replacement, AlpacaJsonContext.Default.AlpacaReplaceOrderRequest);
        var call = new AlpacaCall(HttpMethod.Patch, Url("/v2/orders/" + AlpacaUrl.Segment(orderId)).ToUri(), body, SafeToRepeat: false);
        return transport.SendForJsonAsync(call, AlpacaJsonContext.Default.AlpacaOrder, cancellationToken);
    }

    /// <summary>A 207 element's body is an Order on success, Alpaca's error object otherwise; it may be absent.</summary>
    private static (AlpacaOrder? Order, AlpacaError? Error) ReadMultiStatusBody(HttpStatusCode status, JsonElement? body)
    {
        var success = (int)status is >= 200 and <= 299;
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            return (null, success ? null : new AlpacaError(AlpacaError.KindOf(status), status, null, $"HTTP {(int)status} with no body"));
        }

        if (!success)
        {
            return (null, AlpacaTransport.ErrorFrom(status, element));
        }

        try
        {
            return (element.Deserialize(AlpacaJsonContext.Default.AlpacaOrder), null);
        }
        catch (JsonException ex)
        {
            return (null, new AlpacaError(AlpacaErrorKind.InvalidResponse, status, null, $"207 element body is not an Order: {ex.Message}"));
        }
    }
}
