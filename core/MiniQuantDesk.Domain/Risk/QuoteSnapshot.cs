namespace MiniQuantDesk.Domain.Risk;

/// <summary>The latest bid and ask of a symbol (Alpaca's latest quote).</summary>
public sealed record QuoteSnapshot(decimal Bid, decimal Ask)
{
    public decimal Mid => (Bid + Ask) / 2m;

    public decimal Spread => Ask - Bid;
}
