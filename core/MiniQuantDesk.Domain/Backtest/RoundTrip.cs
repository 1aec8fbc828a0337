namespace MiniQuantDesk.Domain.Backtest;

/// <summary>The fills of one symbol since it was last flat, summed until it is flat again.</summary>
internal sealed class RoundTrip
{
    public RoundTrip(DateTimeOffset entryTime, DateOnly entrySession)
    {
        EntryTime = entryTime;
        EntrySession = entrySession;
    }

    public DateTimeOffset EntryTime { get; }

    public DateOnly EntrySession { get; }

    public int EntryFills { get; private set; }

    public decimal EntryQuantity { get; private set; }

    public decimal EntryCost { get; private set; }

    public decimal FirstEntryPrice { get; private set; }

    public int ExitFills { get; private set; }

    public decimal ExitQuantity { get; private set; }

    public decimal ExitProceeds { get; private set; }

    public decimal FirstExitPrice { get; private set; }

    public decimal Commissions { get; private set; }

    public void Bought(decimal quantity, decimal price, decimal commission)
    {
        FirstEntryPrice = EntryFills == 0 ? price : FirstEntryPrice;
        EntryFills++;
        EntryQuantity += quantity;
        EntryCost += quantity * price;
        Commissions += commission;
    }

    public void Sold(decimal quantity, decimal price, decimal commission)
    {
        FirstExitPrice = ExitFills == 0 ? price : FirstExitPrice;
        ExitFills++;
        ExitQuantity += quantity;
        ExitProceeds += quantity * price;
        Commissions += commission;
    }

    public BacktestTrade Close(string symbol, DateTimeOffset exitTime, ExitReason reason) => new(
        symbol,
        EntryTime,
        EntryFills == 1 ? FirstEntryPrice : EntryCost / EntryQuantity,
        exitTime,
        ExitFills == 1 ? FirstExitPrice : ExitProceeds / ExitQuantity,
        EntryQuantity,
        ExitProceeds - EntryCost - Commissions,
        reason);
}
