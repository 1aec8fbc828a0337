namespace MiniQuantDesk.Adapters.Alpaca.Models;

/// <summary>
/// An open position (OpenAPI schema <c>Position</c>, spec §8). Shorts have negative <see cref="Qty"/> and
/// <see cref="MarketValue"/>; <c>*_plpc</c> are fractions (0.0067 = 0.67%).
/// </summary>
public sealed record AlpacaPosition
{
    public string? AssetId { get; init; }
    public string Symbol { get; init; } = "";
    public string? Exchange { get; init; }
    public string? AssetClass { get; init; }
    public bool? AssetMarginable { get; init; }
    public decimal Qty { get; init; }

    /// <summary>Qty minus shares held by open orders: the most that can be sold now.</summary>
    public decimal? QtyAvailable { get; init; }

    /// <summary>"long" or "short".</summary>
    public string Side { get; init; } = "";
    public decimal AvgEntryPrice { get; init; }
    public decimal? CostBasis { get; init; }
    public decimal? MarketValue { get; init; }
    public decimal? CurrentPrice { get; init; }
    public decimal? LastdayPrice { get; init; }
    public decimal? ChangeToday { get; init; }
    public decimal? UnrealizedPl { get; init; }
    public decimal? UnrealizedPlpc { get; init; }
    public decimal? UnrealizedIntradayPl { get; init; }
    public decimal? UnrealizedIntradayPlpc { get; init; }
}
