using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Research;

/// <summary>A fill the backtest made on the stored bars (at the start of the bar it filled in).</summary>
public sealed record ExpectedFill(string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTimeOffset At);

/// <summary>A backtest fill and the desk's fill that answers it. Slippage is adverse-positive: paying more on a buy, getting less on a sell.</summary>
public sealed record ParityMatch(ExpectedFill Expected, PaperFill Actual)
{
    public decimal SlippagePerShare => Expected.Side == OrderSide.Buy ? Actual.Price - Expected.Price : Expected.Price - Actual.Price;

    public decimal SlippageBps => Expected.Price == 0m ? 0m : SlippagePerShare / Expected.Price * 10_000m;
}

/// <summary>One session's backtest-vs-desk comparison: matched fills with their slippage, backtest fills the desk missed, desk fills the backtest did not make.</summary>
public sealed record ParityReport(IReadOnlyList<ParityMatch> Matched, IReadOnlyList<ExpectedFill> Missed, IReadOnlyList<PaperFill> Extra)
{
    public static ParityReport Empty { get; } = new([], [], []);

    public int Mismatches => Missed.Count + Extra.Count;

    public int Fills => Matched.Count + Missed.Count + Extra.Count;

    public decimal? MeanSlippageBps => Matched.Count == 0 ? null : Matched.Average(m => m.SlippageBps);
}
