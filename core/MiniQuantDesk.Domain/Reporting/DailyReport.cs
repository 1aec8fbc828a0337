namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// The day in figures. <see cref="DayPnl"/> is the broker's account change (equity − last_equity), the figure
/// the trader checks; <see cref="RealizedPnl"/> + <see cref="UnrealizedPnl"/> is the same change explained by
/// the desk's fills and prices, and <see cref="Unexplained"/> the rest (fees, dividends, a fill the desk
/// never recorded). <see cref="Curve"/> starts at the previous close's equity and ends at the account's equity.
/// </summary>
public sealed record DailyReport(
    DateOnly Session,
    decimal StartEquity,
    decimal EndEquity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    IReadOnlyList<DayTrade> Trades,
    IReadOnlyList<DayEquityPoint> Curve)
{
    public decimal DayPnl => EndEquity - StartEquity;

    public decimal DayReturn => StartEquity > 0m ? DayPnl / StartEquity : 0m;

    public decimal Unexplained => DayPnl - RealizedPnl - UnrealizedPnl;

    /// <summary>Orders that closed (part of) a position.</summary>
    public IReadOnlyList<DayTrade> ClosingTrades => Trades.Where(t => t.Closing).ToList();

    /// <summary>Share of closing trades with a profit; null when nothing was closed.</summary>
    public decimal? WinRate => ClosingTrades.Count == 0 ? null : (decimal)ClosingTrades.Count(t => t.RealizedPnl > 0m) / ClosingTrades.Count;

    /// <summary>Largest fall from a running peak of the day's curve, as a fraction of that peak.</summary>
    public decimal MaxDrawdown
    {
        get
        {
            var peak = 0m;
            var worst = 0m;
            foreach (var point in Curve)
            {
                peak = Math.Max(peak, point.Equity);
                if (peak > 0m)
                {
                    worst = Math.Max(worst, (peak - point.Equity) / peak);
                }
            }

            return worst;
        }
    }
}
