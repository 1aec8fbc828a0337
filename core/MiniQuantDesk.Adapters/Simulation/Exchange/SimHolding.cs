namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>A long position: shares and what they cost (fill prices only; Alpaca charges no commission).</summary>
internal sealed record SimHolding(string Symbol, decimal Qty, decimal CostBasis)
{
    public decimal AvgEntryPrice => Qty == 0m ? 0m : CostBasis / Qty;
}
