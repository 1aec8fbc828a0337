using System.Collections.Immutable;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// Runs every intent of the run through <see cref="RiskManager.Evaluate"/> with a context built from the
/// simulation, as live builds it from the broker: now = the bar's end, market open (bars are regular-session
/// only), ACTIVE, the account from the book (buying power = cash: no margin), positions at their last close,
/// orders in flight of other symbols as reserved exposure, the day's P&amp;L, the equity peaks, the drawdown
/// breaker, the orders of the last minute and the protection locks from the closed trades.
/// </summary>
internal sealed class BacktestRisk
{
    private readonly RiskOptions _options;
    private readonly bool _protectionsOn;
    private readonly List<DateTimeOffset> _recentOrders = [];
    private DrawdownBreakerState _breaker = DrawdownBreakerState.Armed;

    public BacktestRisk(RiskOptions options)
    {
        _options = options;
        var p = options.Protections;
        _protectionsOn = p.LossStreakEnabled || p.ExitCooldownEnabled || p.DrawdownLockEnabled;
    }

    public RiskVerdict Evaluate(OrderIntent intent, in Bar bar, SymbolBook[] symbols, SimulatedBroker broker, EquityPeaks peaks, DateOnly session, int dayTrades)
    {
        var now = bar.Start.AddSeconds(_options.BarLengthSeconds);
        var equity = broker.Equity();
        _breaker = DrawdownBreaker.Advance(_breaker, equity, peaks, _options, now);
        _recentOrders.RemoveAll(t => t <= now.AddSeconds(-60));

        var positions = new Dictionary<string, PositionSnapshot>(StringComparer.Ordinal);
        var unrealised = 0m;
        ImmutableDictionary<string, decimal>.Builder? reserved = null;
        var reservedTotal = 0m;
        foreach (var s in symbols)
        {
            if (s.Quantity != 0m)
            {
                positions[s.Symbol] = new PositionSnapshot(s.Quantity, s.Quantity * s.LastClose, s.Trip?.EntrySession == session);
                unrealised += (s.Quantity * s.LastClose) - s.CostBasis;
            }

            if (s.Pending is { Side: OrderSide.Buy } pending)
            {
                reserved ??= ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
                reserved[s.Symbol] = pending.Quantity * pending.ReferencePrice;
                reservedTotal += pending.Quantity * pending.ReferencePrice;
            }
        }

        var book = broker.Book;
        var context = new RiskContext
        {
            Now = now,
            TradingState = TradingState.Active,
            MarketOpen = true,
            LastBar = bar,
            Account = new AccountSnapshot(equity, book.Cash, Math.Max(0m, book.Cash), PatternDayTrader: false, DayTradeCount: dayTrades),
            Positions = positions,
            Reserved = reserved is null ? ReservedExposure.None : new ReservedExposure(reservedTotal, reserved.ToImmutable()),
            DayPnl = new DayPnl(book.DayRealizedPnl - book.DayCommissions, unrealised),
            Peaks = peaks,
            Breaker = _breaker,
            RecentOrderInstants = [.. _recentOrders],
            ProtectionLocks = _protectionsOn ? ProtectionEvaluator.Evaluate(broker.ClosedTrades, now, _options.Protections) : [],
        };

        var verdict = RiskManager.Evaluate(intent, context, _options);
        if (verdict.Approved)
        {
            _recentOrders.Add(now);
        }

        return verdict;
    }
}
