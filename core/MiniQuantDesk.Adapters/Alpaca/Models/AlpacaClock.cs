namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>Alpaca's market clock (OpenAPI schema <c>Clock</c>); times arrive with an ET offset.</summary>
public sealed record AlpacaClock
{
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>True during the regular session only.</summary>
    public bool IsOpen { get; init; }
    public DateTimeOffset NextOpen { get; init; }
    public DateTimeOffset NextClose { get; init; }
}
