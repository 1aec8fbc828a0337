using MiniQuantDesk.Domain.Accounting;
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
        Prices = new BarPrices[bars.Length];
        Steps = new BarStep[bars.Length];
        CloseParts = new DecimalParts[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            Prices[i] = new BarPrices((double)bar.High, (double)bar.Low, (double)bar.Close);
            CloseParts[i] = DecimalParts.Of(bar.Close);
            var step = BarStep.None;
            step |= i == 0 || sessionOf[i - 1] != sessionOf[i] ? BarStep.StartsSession : BarStep.None;
            step |= i + 1 == bars.Length || bars[i + 1].Start != bar.Start ? BarStep.EndsTime : BarStep.None;
            step |= lastOfSession[i] ? BarStep.LastOfSymbolSession : BarStep.None;
            Steps[i] = step;
        }

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

    /// <summary>Each bar's high, low and close as doubles, converted once here rather than in every run's loop.</summary>
    internal BarPrices[] Prices { get; }

    /// <summary>Where each bar stands in the run (first of a session, last of its time, its symbol's last of the session), so the loop compares no dates.</summary>
    internal BarStep[] Steps { get; }

    /// <summary>Each bar's close read into its parts once (for the exact equity sums, <see cref="MarkedHoldings"/>).</summary>
    internal DecimalParts[] CloseParts { get; }

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
        var clock = new NewYorkHours();
        var filtered = new List<(Bar Bar, DateOnly Session)>(bars is ICollection<Bar> c ? c.Count : 1024);
        var ordered = true;
        foreach (var bar in bars)
        {
            if (string.IsNullOrWhiteSpace(bar.Symbol))
            {
                throw new ArgumentException($"bar at {bar.Start:O} has no symbol", nameof(bars));
            }

            var local = clock.ToNewYork(bar.Start);
            var time = TimeOnly.FromDateTime(local);
            if (time < NewYorkTime.RegularOpen || time >= NewYorkTime.RegularClose)
            {
                continue;
            }

            var session = DateOnly.FromDateTime(local);
            if ((from is { } f && session < f) || (to is { } t && session > t))
            {
                continue;
            }

            ordered = ordered && (filtered.Count == 0 || Compare(filtered[^1].Bar, bar) < 0);
            filtered.Add((bar, session));
        }

        // A reader's single-symbol output is already ascending and unique: no need to sort or deduplicate.
        if (!ordered)
        {
            var latest = new Dictionary<(string, DateTimeOffset), (Bar, DateOnly)>();
            foreach (var row in filtered)
            {
                latest[(row.Bar.Symbol, row.Bar.Start)] = row;
            }

            filtered = [.. latest.Values];
            filtered.Sort(static (a, b) => Compare(a.Bar, b.Bar));
        }

        var kept = new Bar[filtered.Count];
        var sessionOf = new DateOnly[filtered.Count];
        for (var i = 0; i < kept.Length; i++)
        {
            (kept[i], sessionOf[i]) = filtered[i];
        }

        var symbols = kept.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var indexOf = symbols.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var symbolIndex = new int[kept.Length];
        var lastOfSession = new bool[kept.Length];
        var previousOfSymbol = new int[symbols.Length];
        Array.Fill(previousOfSymbol, -1);
        var times = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var s = indexOf[kept[i].Symbol];
            symbolIndex[i] = s;
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

    private static int Compare(in Bar a, in Bar b)
    {
        var byTime = a.Start.UtcTicks.CompareTo(b.Start.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Symbol, b.Symbol);
    }

    /// <summary>
    /// New York wall-clock time with the UTC offset cached per UTC hour: offsets only change on the hour
    /// (02:00 local = 06:00/07:00 UTC), so this is exact and converts once per hour of bars, not per bar.
    /// </summary>
    private struct NewYorkHours
    {
        private long _hour;
        private TimeSpan _offset;
        private bool _known;

        public DateTime ToNewYork(DateTimeOffset instant)
        {
            var utc = instant.UtcDateTime;
            var hour = utc.Ticks / TimeSpan.TicksPerHour;
            if (!_known || hour != _hour)
            {
                _offset = NewYorkTime.ToNewYork(instant) - utc;
                _hour = hour;
                _known = true;
            }

            return utc + _offset;
        }
    }
}
