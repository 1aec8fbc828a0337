using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>
/// The account's money and holdings: cash moves by qty × price on every fill (exact decimals, no commission), a
/// holding keeps its cost basis (a sale takes its pro-rata share), and marks are the last completed bar's close.
/// </summary>
internal sealed class SimBook(decimal startingCash)
{
    private readonly Dictionary<string, SimHolding> holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> previousSessionMarks = new(StringComparer.Ordinal);

    public decimal Cash { get; private set; } = startingCash;

    /// <summary>Equity at the end of the previous session (the starting cash before one has ended).</summary>
    public decimal LastEquity { get; private set; } = startingCash;

    public IEnumerable<SimHolding> Holdings => holdings.Values.OrderBy(h => h.Symbol, StringComparer.Ordinal);

    public SimHolding? HoldingOf(string symbol) => holdings.GetValueOrDefault(symbol);

    public decimal QtyOf(string symbol) => holdings.TryGetValue(symbol, out var h) ? h.Qty : 0m;

    /// <summary>Last completed close, or the average entry price before any bar has closed.</summary>
    public decimal MarkOf(SimHolding holding) => marks.TryGetValue(holding.Symbol, out var mark) ? mark : holding.AvgEntryPrice;

    public decimal? LastClose(string symbol) => marks.TryGetValue(symbol, out var mark) ? mark : null;

    public decimal LastdayPrice(SimHolding holding) =>
        previousSessionMarks.TryGetValue(holding.Symbol, out var price) ? price : holding.AvgEntryPrice;

    public decimal LongMarketValue => holdings.Values.Sum(h => h.Qty * MarkOf(h));

    public decimal Equity => Cash + LongMarketValue;

    public void Mark(string symbol, decimal close) => marks[symbol] = close;

    /// <summary>A new session begins: today's marks become yesterday's, equity now is the day's reference.</summary>
    public void RollSession()
    {
        LastEquity = Equity;
        foreach (var (symbol, mark) in marks)
        {
            previousSessionMarks[symbol] = mark;
        }
    }

    public void Apply(OrderSide side, string symbol, decimal qty, decimal price)
    {
        var held = holdings.GetValueOrDefault(symbol) ?? new SimHolding(symbol, 0m, 0m);
        var value = qty * price;
        SimHolding after;
        if (side == OrderSide.Buy)
        {
            Cash -= value;
            after = held with { Qty = held.Qty + qty, CostBasis = held.CostBasis + value };
        }
        else
        {
            Cash += value;
            var soldCost = qty == held.Qty ? held.CostBasis : held.CostBasis * qty / held.Qty;
            after = held with { Qty = held.Qty - qty, CostBasis = held.CostBasis - soldCost };
        }

        if (after.Qty == 0m)
        {
            holdings.Remove(symbol);
        }
        else
        {
            holdings[symbol] = after;
        }
    }

    /// <summary>A <paramref name="ratio"/>-for-1 split: shares × ratio, cost basis unchanged (so average price / ratio), marks / ratio.</summary>
    public void Split(string symbol, decimal ratio)
    {
        if (holdings.TryGetValue(symbol, out var held))
        {
            holdings[symbol] = held with { Qty = held.Qty * ratio };
        }

        if (marks.TryGetValue(symbol, out var mark))
        {
            marks[symbol] = mark / ratio;
        }

        if (previousSessionMarks.TryGetValue(symbol, out var previous))
        {
            previousSessionMarks[symbol] = previous / ratio;
        }
    }
}
