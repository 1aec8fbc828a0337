namespace MiniQuantDesk.Domain.Backtest;

/// <summary>A bar's high, low and close converted to double once (what the indicators read).</summary>
internal readonly record struct BarPrices(double High, double Low, double Close);
