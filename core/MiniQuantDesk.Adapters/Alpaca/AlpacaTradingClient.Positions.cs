using System.Net;
using MiniQuantDesk.Adapters.Alpaca.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Transport;

namespace MiniQuantDesk.Adapters.Alpaca;

public sealed partial class AlpacaTradingClient
{
    public async Task<IReadOnlyList<AlpacaPosition>> ListPositionsAsync(CancellationToken cancellationToken = default) =>
        await transport.SendForJsonAsync(Get(Url("/v2/positions")), AlpacaJsonContext.Default.ListAlpacaPosition, cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v2/positions/{symbol}</c>; null when flat (404).</summary>
    public Task<AlpacaPosition?> GetPositionAsync(string symbolOrAssetId, CancellationToken cancellationToken = default) =>
        transport.SendForJsonOrNotFoundAsync(Get(Url("/v2/positions/" + AlpacaUrl.Segment(symbolOrAssetId))), AlpacaJsonContext.Default.AlpacaPosition, cancellationToken);

    /// <summary>
    /// <c>DELETE /v2/positions/{symbol}</c> → the closing order. Closing the whole position is repeated after a 5xx
    /// or timeout (a second close finds the shares already held by the first order); closing part of it
    /// (<paramref name="qty"/> or <paramref name="percentage"/>) is not, since a repeat would sell another part.
    /// </summary>
    public Task<AlpacaOrder> ClosePositionAsync(string symbolOrAssetId, decimal? qty = null, decimal? percentage = null, CancellationToken cancellationToken = default)
    {
        if (qty is not null && percentage is not null)
        {
            throw new ArgumentException("Close a position by qty or by percentage, not both", nameof(percentage));
        }

        var url = Url("/v2/positions/" + AlpacaUrl.Segment(symbolOrAssetId)).Add("qty", qty).Add("percentage", percentage);
        var call = new AlpacaCall(HttpMethod.Delete, url.ToUri(), null, SafeToRepeat: qty is null && percentage is null);
        return transport.SendForJsonAsync(call, AlpacaJsonContext.Default.AlpacaOrder, cancellationToken);
    }

    /// <summary><c>DELETE /v2/positions?cancel_orders=…</c>: one element per position from the 207 body.</summary>
    public async Task<IReadOnlyList<AlpacaPositionClosing>> CloseAllPositionsAsync(bool cancelOrders, CancellationToken cancellationToken = default)
    {
        var call = new AlpacaCall(HttpMethod.Delete, Url("/v2/positions").Add("cancel_orders", cancelOrders).ToUri(), null, SafeToRepeat: true);
        var items = await transport.SendForJsonAsync(call, AlpacaJsonContext.Default.ListPositionClosingWire, cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            var status = (HttpStatusCode)item.Status;
            var (order, error) = ReadMultiStatusBody(status, item.Body);
            return new AlpacaPositionClosing(item.Symbol ?? order?.Symbol ?? "", status, order, error);
        }).ToList();
    }
}
