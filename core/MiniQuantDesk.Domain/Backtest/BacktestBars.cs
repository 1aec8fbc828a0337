using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// The bars a run trades on, prepared as the SPEC §2 says: of rows with the same symbol and start the LAST
/// in input order is kept; bars outside the regular session (09:30 ≤ ET start &lt; 16:00) and outside the
/// session dates [From, To] are dropped; the rest is sorted by (start, symbol). For each bar it also knows
/// its symbol's index and whether it is its symbol's last bar of the session (the next bar of that symbol
/// has another New York date, or there is none) — known only because a backtest sees the whole series.
/// </summary>
public sealed class BacktestBars
{
    private BacktestBars(Bar[] bars, int[] symbolIndex, bool[] lastOfSession, DateOnly[] sessionOf, string[] symbols, int sessions, int times)
    {
        BarArray = bars;
        SessionOf = sessionOf;
        SymbolIndex = symbolIndex;
        LastOfSession = lastOfSession;
        Symbols = symbols;
        Sessions = sessions;
        Times = times;
    }

    public IReadOnlyList<Bar> Bars => BarArray;

    internal Bar[] BarArray { get; }

    internal int[] SymbolIndex { get; }

    internal bool[] LastOfSession { get; }

    /// <summary>The New York session date of each bar.</summary>
    internal DateOnly[] SessionOf { get; }

    /// <summary>The symbols, in ordinal order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Distinct New York session dates.</summary>
    public int Sessions { get; }

    /// <summary>Distinct bar start times (= rows of the equity curve).</summary>
    public int Times { get; }

    public bool IsLastOfSession(int index) => LastOfSession[index];

    public static BacktestBars Prepare(IEnumerable<Bar> bars, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var latest = new Dictionary<(string, DateTimeOffset), Bar>();
        foreach (var bar in bars)
        {
            if (string.IsNullOrWhiteSpace(bar.Symbol))
            {
                throw new ArgumentException($"bar at {bar.Start:O} has no symbol", nameof(bars));
            }

            if (!NewYorkTime.IsRegularSession(bar.Start))
            {
                continue;
            }

            var session = NewYorkTime.SessionDate(bar.Start);
            if ((from is { } f && session < f) || (to is { } t && session > t))
            {
                continue;
            }

            latest[(bar.Symbol, bar.Start)] = bar;
        }

        var kept = latest.Values.ToArray();
        Array.Sort(kept, static (a, b) =>
        {
            var byTime = a.Start.UtcTicks.CompareTo(b.Start.UtcTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Symbol, b.Symbol);
        });

        var symbols = kept.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var indexOf = symbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var symbolIndex = new int[kept.Length];
        var lastOfSession = new bool[kept.Length];
        var sessionOf = new DateOnly[kept.Length];
        var previousOfSymbol = new int[symbols.Length];
        Array.Fill(previousOfSymbol, -1);
        var times = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var s = indexOf[kept[i].Symbol];
            symbolIndex[i] = s;
            sessionOf[i] = NewYorkTime.SessionDate(kept[i].Start);
            var previous = previousOfSymbol[s];
            if (previous >= 0 && sessionOf[previous] != sessionOf[i])
            {
                lastOfSession[previous] = true;
            }

            previousOfSymbol[s] = i;
            if (i == 0 || kept[i].Start != kept[i - 1].Start)
            {
                times++;
            }
        }

        foreach (var last in previousOfSymbol)
        {
            if (last >= 0)
            {
                lastOfSession[last] = true;
            }
        }

        return new BacktestBars(kept, symbolIndex, lastOfSession, sessionOf, symbols, sessionOf.Distinct().Count(), times);
    }
}
