using System.Net;
using MiniQuantDesk.Adapters.Alpaca.Errors;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// One element of the 207 answer to "close all positions" (OpenAPI <c>PositionClosedReponse</c>): the closing
/// order when it was placed, the broker's error otherwise.
/// </summary>
public sealed record AlpacaPositionClosing(string Symbol, HttpStatusCode Status, AlpacaOrder? Order, AlpacaError? Error)
{
    public bool Accepted => (int)Status is >= 200 and <= 299;
}
