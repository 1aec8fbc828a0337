namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// The account after every bar time: cash, shares held (summed over symbols) and equity =
/// cash + Σ shares × the symbol's last close. Never rounded.
/// </summary>
public readonly record struct EquityPoint(DateTimeOffset Time, decimal Cash, decimal PositionQuantity, decimal Equity);
