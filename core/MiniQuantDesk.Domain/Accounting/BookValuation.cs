namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// The book at a set of marks. All amounts in USD, unrounded; fractions unrounded (0.01 = 1%).
/// <see cref="DayPnl"/> is equity against the day's starting equity, so it includes unrealised moves and
/// commissions; <see cref="DayRealizedPnl"/> is gross of commissions, <see cref="DayCommissions"/> beside it.
/// </summary>
public sealed record BookValuation(
    decimal Cash,
    decimal MarketValue,
    decimal Equity,
    decimal UnrealizedPnl,
    decimal DayPnl,
    decimal DayReturn,
    decimal DayRealizedPnl,
    decimal DayCommissions,
    Drawdown DayDrawdown,
    Drawdown Drawdown);
