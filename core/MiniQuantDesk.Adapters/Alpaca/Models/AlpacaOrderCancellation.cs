using System.Net;
using MiniQuantDesk.Adapters.Alpaca.Errors;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// One element of the 207 Multi-Status answer to "cancel all orders" (OpenAPI <c>CanceledOrderResponse</c>):
/// the per-order HTTP status, and the order or the error when Alpaca included a body.
/// A 200 here means the cancel request was accepted, not that the order is canceled.
/// </summary>
public sealed record AlpacaOrderCancellation(string OrderId, HttpStatusCode Status, AlpacaOrder? Order, AlpacaError? Error)
{
    public bool Accepted => (int)Status is >= 200 and <= 299;
}
