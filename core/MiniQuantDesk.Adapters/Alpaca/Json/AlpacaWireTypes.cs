using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca.Models;

namespace MiniQuantDesk.Adapters.Alpaca.Json;

/// <summary>Alpaca's error body: <c>{"code":40310000,"message":"..."}</c>; 401s carry only the message.</summary>
internal sealed record AlpacaErrorBody
{
    public long? Code { get; init; }
    public string? Message { get; init; }
}

/// <summary>One page of <c>GET /v2/stocks/bars</c> (OpenAPI <c>MultiBarsResponse</c>).</summary>
internal sealed record MultiBarsPage
{
    public Dictionary<string, List<AlpacaBar>>? Bars { get; init; }
    public string? NextPageToken { get; init; }
}

/// <summary><c>GET /v2/stocks/quotes/latest</c> (OpenAPI <c>LatestMultiQuotesResponse</c>).</summary>
internal sealed record LatestQuotesPage
{
    public Dictionary<string, AlpacaQuote>? Quotes { get; init; }
}

/// <summary>An element of the 207 from <c>DELETE /v2/orders</c>; <c>body</c> is an Order or an error.</summary>
internal sealed record CancellationWire
{
    public string? Id { get; init; }
    public int Status { get; init; }
    public JsonElement? Body { get; init; }
}

/// <summary>An element of the 207 from <c>DELETE /v2/positions</c>; status is documented as a string, sent as a number.</summary>
internal sealed record PositionClosingWire
{
    public string? Symbol { get; init; }
    public int Status { get; init; }
    public JsonElement? Body { get; init; }
}
