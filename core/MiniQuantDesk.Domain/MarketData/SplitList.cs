namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// The known splits (immutable). Tells whether a split took effect between two sessions of a symbol, so an
/// overnight drop of 6/7 on the ex-date of a 7-for-1 split is read as a split, not as a bad print or a loss,
/// and indicator windows can be re-expressed (<c>ApplySplit</c>) before the first post-split bar.
/// </summary>
public sealed class SplitList
{
    private readonly Dictionary<string, SplitEvent[]> _bySymbol;

    public SplitList(IEnumerable<SplitEvent> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var all = splits.ToList();
        var duplicate = all.GroupBy(s => (s.Symbol, s.ExDate)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two splits of {duplicate.Key.Symbol} on {duplicate.Key.ExDate:yyyy-MM-dd}", nameof(splits));
        }

        _bySymbol = all.GroupBy(s => s.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.ExDate).ToArray(), StringComparer.Ordinal);
    }

    public static SplitList Empty { get; } = new([]);

    /// <summary>Splits of a symbol in ex-date order.</summary>
    public IReadOnlyList<SplitEvent> For(string symbol) => _bySymbol.TryGetValue(symbol, out var list) ? list : [];

    /// <summary>
    /// The combined ratio of the splits with <paramref name="previousSession"/> &lt; ex-date &lt;=
    /// <paramref name="session"/>; 1 when none. Divide pre-split prices by it to compare with <paramref name="session"/>'s.
    /// </summary>
    public decimal RatioBetween(string symbol, DateOnly previousSession, DateOnly session)
    {
        var ratio = 1m;
        if (!_bySymbol.TryGetValue(symbol, out var list))
        {
            return ratio;
        }

        foreach (var split in list)
        {
            if (split.ExDate > previousSession && split.ExDate <= session)
            {
                ratio *= split.Ratio;
            }
        }

        return ratio;
    }
}
