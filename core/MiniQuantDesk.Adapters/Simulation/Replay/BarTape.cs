using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Replay;

/// <summary>
/// The 1-minute bars the simulated market replays, per symbol, ascending, one per minute, plus the merged timeline of
/// minutes across symbols. Not thread-safe: the exchange reads and splits it under its own lock.
/// </summary>
internal sealed class BarTape
{
    public static readonly TimeSpan BarLength = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Bar[]> bars;
    private readonly Dictionary<string, Dictionary<long, int>> indexByStart;

    public BarTape(IReadOnlyDictionary<string, IReadOnlyList<Bar>> barsBySymbol)
    {
        ArgumentNullException.ThrowIfNull(barsBySymbol);
        bars = barsBySymbol.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        if (bars.Count == 0)
        {
            throw new ArgumentException("the simulated market needs at least one bar to replay", nameof(barsBySymbol));
        }

        indexByStart = bars.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select((bar, i) => (bar.Start.UtcTicks, i)).ToDictionary(x => x.UtcTicks, x => x.i),
            StringComparer.Ordinal);
        Symbols = [.. bars.Keys.Order(StringComparer.Ordinal)];
        Minutes = [.. bars.Values.SelectMany(b => b).Select(b => b.Start).Distinct().Order()];
    }

    /// <summary>Symbols, in ordinal order (Alpaca sorts multi-symbol answers by symbol).</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Every minute at which at least one symbol has a bar, ascending.</summary>
    public IReadOnlyList<DateTimeOffset> Minutes { get; }

    public bool Has(string symbol) => bars.ContainsKey(symbol);

    /// <summary>The symbol's bars, ascending; empty for an unknown symbol.</summary>
    public IReadOnlyList<Bar> BarsOf(string symbol) => bars.TryGetValue(symbol, out var list) ? list : [];

    public bool TryGetBar(string symbol, DateTimeOffset start, out Bar bar)
    {
        bar = default;
        if (!indexByStart.TryGetValue(symbol, out var index) || !index.TryGetValue(start.UtcTicks, out var i))
        {
            return false;
        }

        bar = bars[symbol][i];
        return true;
    }

    /// <summary>The last bar of the symbol that has completed at <paramref name="now"/>, if any.</summary>
    public Bar? LastCompleted(string symbol, DateTimeOffset now)
    {
        var list = BarsOf(symbol);
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Start + BarLength <= now)
            {
                return list[i];
            }
        }

        return null;
    }

    /// <summary>The first bar of the symbol starting at or after <paramref name="instant"/>, if any.</summary>
    public Bar? FirstFrom(string symbol, DateTimeOffset instant) => BarsOf(symbol).Cast<Bar?>().FirstOrDefault(b => b!.Value.Start >= instant);

    /// <summary>
    /// A split of <paramref name="ratio"/>-for-1 taking effect at <paramref name="effective"/>: every later bar trades at
    /// price / ratio with volume × ratio (as-traded bars: earlier bars keep their prices, as Alpaca's raw feed does).
    /// </summary>
    public void ApplySplit(string symbol, decimal ratio, DateTimeOffset effective)
    {
        if (!bars.TryGetValue(symbol, out var list))
        {
            return;
        }

        for (var i = 0; i < list.Length; i++)
        {
            var b = list[i];
            if (b.Start >= effective)
            {
                list[i] = b with
                {
                    Open = b.Open / ratio,
                    High = b.High / ratio,
                    Low = b.Low / ratio,
                    Close = b.Close / ratio,
                    Volume = (long)decimal.Round(b.Volume * ratio),
                };
            }
        }
    }
}
