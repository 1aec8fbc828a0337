namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// One round trip of a symbol, from flat to flat. Times are the starts of the bars in which the fills
/// happened. Prices are the fill prices (the volume-weighted average when a side took several fills);
/// <see cref="Pnl"/> = exit proceeds − entry cost − all commissions of the round trip.
/// </summary>
public sealed record BacktestTrade(
    string Symbol,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset ExitTime,
    decimal ExitPrice,
    decimal Quantity,
    decimal Pnl,
    ExitReason ExitReason);
