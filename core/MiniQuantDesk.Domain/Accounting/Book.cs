using System.Collections.Immutable;
using System.Globalization;

namespace MiniQuantDesk.Domain.Accounting;

/// <summary>
/// The desk's ledger: cash, open positions, realised P&amp;L and commissions (lifetime and today), and the
/// equity marks the day's P&amp;L and the drawdowns are measured from. Immutable: every operation returns
/// a new book and leaves this one as it was, also when it throws on bad input.
/// </summary>
/// <remarks>
/// Equity = cash + Σ quantity × mark. Peaks move only when the book is marked (<see cref="Mark"/>,
/// <see cref="StartDay"/>), since a peak is an observed equity, not a computed one.
/// </remarks>
public sealed record Book(
    decimal Cash,
    ImmutableSortedDictionary<string, Position> Positions,
    decimal RealizedPnl,
    decimal Commissions,
    DateTimeOffset DayStartedAt,
    decimal DayStartEquity,
    decimal DayRealizedPnl,
    decimal DayCommissions,
    decimal DayPeakEquity,
    decimal PeakEquity,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A book holding only cash, its day starting now.</summary>
    public static Book Open(decimal cash, DateTimeOffset at) => new(
        cash,
        ImmutableSortedDictionary.Create<string, Position>(StringComparer.Ordinal),
        RealizedPnl: 0m,
        Commissions: 0m,
        DayStartedAt: at,
        DayStartEquity: cash,
        DayRealizedPnl: 0m,
        DayCommissions: 0m,
        DayPeakEquity: cash,
        PeakEquity: cash,
        UpdatedAt: at);

    /// <summary>The position in <paramref name="symbol"/>; a flat one when none is open.</summary>
    public Position PositionOf(string symbol) => Positions.GetValueOrDefault(symbol) ?? Position.Flat(symbol);

    /// <summary>
    /// Books one fill: cash moves by quantity × price and the commission, the position by
    /// <see cref="Position.Apply"/>, realised P&amp;L by what that realised. A flat position is removed.
    /// The caller applies each execution once (the order state machine drops repeats by execution id).
    /// </summary>
    public Book Apply(FillEvent fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var change = PositionOf(fill.Symbol).Apply(fill);
        return this with
        {
            Cash = Cash - (fill.SignedQuantity * fill.Price) - fill.Commission,
            Positions = change.Position.IsFlat ? Positions.Remove(fill.Symbol) : Positions.SetItem(fill.Symbol, change.Position),
            RealizedPnl = RealizedPnl + change.RealizedPnl,
            Commissions = Commissions + fill.Commission,
            DayRealizedPnl = DayRealizedPnl + change.RealizedPnl,
            DayCommissions = DayCommissions + fill.Commission,
            UpdatedAt = Later(UpdatedAt, fill.At),
        };
    }

    /// <summary>A split of <paramref name="ratio"/> new shares per old one in <paramref name="symbol"/>; no cash or P&amp;L moves.</summary>
    public Book ApplySplit(string symbol, decimal ratio, DateTimeOffset at)
    {
        var split = PositionOf(symbol).ApplySplit(ratio);
        return split.IsFlat ? this : this with { Positions = Positions.SetItem(symbol, split), UpdatedAt = Later(UpdatedAt, at) };
    }

    /// <summary>Opens a new trading day: its P&amp;L, realised P&amp;L, commissions and peak start from the equity at these marks.</summary>
    public Book StartDay(IReadOnlyDictionary<string, decimal> marks, DateTimeOffset at)
    {
        var equity = Equity(marks);
        return this with
        {
            DayStartedAt = at,
            DayStartEquity = equity,
            DayRealizedPnl = 0m,
            DayCommissions = 0m,
            DayPeakEquity = equity,
            PeakEquity = Math.Max(PeakEquity, equity),
            UpdatedAt = Later(UpdatedAt, at),
        };
    }

    /// <summary>Observes equity at these marks: raises the day's and the all-time peak when it is a new high.</summary>
    public Book Mark(IReadOnlyDictionary<string, decimal> marks, DateTimeOffset at)
    {
        var equity = Equity(marks);
        return this with
        {
            DayPeakEquity = Math.Max(DayPeakEquity, equity),
            PeakEquity = Math.Max(PeakEquity, equity),
            UpdatedAt = Later(UpdatedAt, at),
        };
    }

    /// <summary>Cash plus every open position at its mark.</summary>
    public decimal Equity(IReadOnlyDictionary<string, decimal> marks) => Cash + MarketValue(marks);

    /// <summary>Everything about the book at these marks (see <see cref="BookValuation"/>).</summary>
    public BookValuation Value(IReadOnlyDictionary<string, decimal> marks)
    {
        var marketValue = MarketValue(marks);
        var equity = Cash + marketValue;
        var dayPnl = equity - DayStartEquity;
        return new BookValuation(
            Cash,
            marketValue,
            equity,
            UnrealizedPnl: Positions.Values.Sum(p => p.UnrealizedPnl(marks[p.Symbol])),
            DayPnl: dayPnl,
            DayReturn: DayStartEquity > 0m ? dayPnl / DayStartEquity : 0m,
            DayRealizedPnl,
            DayCommissions,
            DayDrawdown: Drawdown.From(DayPeakEquity, equity),
            Drawdown: Drawdown.From(PeakEquity, equity));
    }

    /// <summary>Open positions with no usable mark (absent or ≤ 0); valuing the book needs none.</summary>
    public IReadOnlyList<string> MissingMarks(IReadOnlyDictionary<string, decimal> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return [.. Positions.Keys.Where(symbol => !marks.TryGetValue(symbol, out var mark) || mark <= 0m)];
    }

    private decimal MarketValue(IReadOnlyDictionary<string, decimal> marks)
    {
        var missing = MissingMarks(marks);
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"no positive mark for open position(s) {string.Join(", ", missing)}"),
                nameof(marks));
        }

        return Positions.Values.Sum(p => p.MarketValue(marks[p.Symbol]));
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
