using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// Everything the risk manager looks at besides the intent and the options, loaded by the caller.
/// Every input is nullable because it can be missing (a failed read, a cold start); a missing input
/// rejects the order with its own Missing… code (fail closed).
/// </summary>
public sealed record RiskContext
{
    /// <summary>The decision instant (the bar clock in a backtest, the host clock live).</summary>
    public DateTimeOffset? Now { get; init; }

    public TradingState? TradingState { get; init; }

    /// <summary>Alpaca's clock is_open: the regular session only.</summary>
    public bool? MarketOpen { get; init; }

    /// <summary>The last bar of the order's symbol (its start and close are used).</summary>
    public Bar? LastBar { get; init; }

    /// <summary>The latest NBBO quote of the order's symbol, for the spread check before a market order.</summary>
    public QuoteSnapshot? Quote { get; init; }

    public AccountSnapshot? Account { get; init; }

    /// <summary>Open positions by symbol (flat symbols may be absent or have quantity 0). Symbols match ordinally (upper case, as Alpaca writes them).</summary>
    public IReadOnlyDictionary<string, PositionSnapshot>? Positions { get; init; }

    public ReservedExposure? Reserved { get; init; }

    public DayPnl? DayPnl { get; init; }

    public EquityPeaks? Peaks { get; init; }

    public DrawdownBreakerState? Breaker { get; init; }

    /// <summary>When the desk sent its recent orders (at least the last minute's).</summary>
    public IReadOnlyList<DateTimeOffset>? RecentOrderInstants { get; init; }

    /// <summary>Protection locks to honour; the manager itself keeps only those active at <see cref="Now"/>.</summary>
    public IReadOnlyList<ProtectionLock>? ProtectionLocks { get; init; }
}
