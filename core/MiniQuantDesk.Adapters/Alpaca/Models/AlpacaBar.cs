using System.Text.Json.Serialization;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// A market-data bar (OpenAPI schema <c>Bar</c>): JSON numbers, read straight into decimals (no double rounding).
/// <see cref="Start"/> is the bar's start: the 09:30 bar covers 09:30:00–09:30:59.999.
/// </summary>
public sealed record AlpacaBar
{
    [JsonPropertyName("t")]
    public DateTimeOffset Start { get; init; }

    [JsonPropertyName("o")]
    public decimal Open { get; init; }

    [JsonPropertyName("h")]
    public decimal High { get; init; }

    [JsonPropertyName("l")]
    public decimal Low { get; init; }

    [JsonPropertyName("c")]
    public decimal Close { get; init; }

    [JsonPropertyName("v")]
    public decimal Volume { get; init; }

    /// <summary>Trade count; missing on old data.</summary>
    [JsonPropertyName("n")]
    public long? TradeCount { get; init; }

    /// <summary>Volume-weighted average price; missing on old data.</summary>
    [JsonPropertyName("vw")]
    public decimal? Vwap { get; init; }

    /// <summary>The domain's bar. Stock volumes are whole shares; a fractional volume is truncated.</summary>
    public Bar ToBar(string symbol) =>
        new(symbol, Start.ToUniversalTime(), Open, High, Low, Close, (long)decimal.Truncate(Volume));
}
