namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// A stock split: from <see cref="ExDate"/> (a New York session date) on, prices are quoted divided by
/// <see cref="Ratio"/> and share counts multiplied. 7 for a 7-for-1 split, 0.1 for a 1-for-10 reverse split.
/// </summary>
public sealed record SplitEvent
{
    public SplitEvent(string symbol, DateOnly exDate, decimal ratio)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (ratio <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, $"split ratio of {symbol} on {exDate:yyyy-MM-dd} must be > 0");
        }

        Symbol = symbol;
        ExDate = exDate;
        Ratio = ratio;
    }

    public string Symbol { get; }

    public DateOnly ExDate { get; }

    public decimal Ratio { get; }
}
