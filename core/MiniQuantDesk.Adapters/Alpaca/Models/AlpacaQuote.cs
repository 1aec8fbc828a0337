using System.Text.Json.Serialization;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// A stock quote (OpenAPI schema <c>Quote</c>). Size units are unconfirmed (historically round lots of 100).
/// </summary>
public sealed record AlpacaQuote
{
    [JsonPropertyName("t")]
    public DateTimeOffset Timestamp { get; init; }

    [JsonPropertyName("ax")]
    public string? AskExchange { get; init; }

    [JsonPropertyName("ap")]
    public decimal AskPrice { get; init; }

    [JsonPropertyName("as")]
    public decimal AskSize { get; init; }

    [JsonPropertyName("bx")]
    public string? BidExchange { get; init; }

    [JsonPropertyName("bp")]
    public decimal BidPrice { get; init; }

    [JsonPropertyName("bs")]
    public decimal BidSize { get; init; }

    [JsonPropertyName("c")]
    public IReadOnlyList<string>? Conditions { get; init; }

    [JsonPropertyName("z")]
    public string? Tape { get; init; }
}
