namespace MiniQuantDesk.Domain.Reporting;

/// <summary>Realised results of one group (a symbol or a strategy set) over one period.</summary>
public sealed record PerformanceLine(string Group, decimal RealizedPnl, int ClosingTrades, int Wins)
{
    public decimal? WinRate => ClosingTrades == 0 ? null : (decimal)Wins / ClosingTrades;
}
