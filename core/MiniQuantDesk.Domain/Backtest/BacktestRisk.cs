using System.Collections.Immutable;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// Risk-checks every intent of the run with the context live builds from the broker: now = the bar's end,
/// market open (bars are regular-session only), ACTIVE, the account from the book (buying power = cash: no
/// margin), positions at their last close, orders in flight of other symbols as reserved exposure, the
/// day's P&amp;L, the equity peaks, the drawdown breaker, the orders of the last minute and the protection
/// locks from the closed trades. The context is first reduced to <see cref="RiskFigures"/> and screened by
/// <see cref="RiskScreen"/> (the full evaluation's verdict without its allocations); only an intent the screen
/// does not approve — or every intent with <see cref="BacktestOptions.ScreenRisk"/> off — gets the full
/// <see cref="RiskManager.Evaluate"/>, whose reasons the refusal keeps.
/// </summary>
internal sealed class BacktestRisk
{
    private readonly RiskOptions _options;
    private readonly RiskScreen? _screen;
    private readonly bool _protectionsOn;
    private readonly Queue<DateTimeOffset> _recentOrders = new();
    private DrawdownBreakerState _breaker = DrawdownBreakerState.Armed;

    public BacktestRisk(RiskOptions options, bool screen)
    {
        _options = options;
        _screen = screen ? new RiskScreen(options) : null;
        var p = options.Protections;
        _protectionsOn = p.LossStreakEnabled || p.ExitCooldownEnabled || p.DrawdownLockEnabled;
    }

    /// <summary>Null when the order (<paramref name="side"/>, <paramref name="quantity"/> of the bar's symbol) is approved; else the refused intent and its verdict.</summary>
    public RiskRefusal? Check(PortfolioManager portfolio, SymbolBook symbol, in Bar bar, OrderSide side, decimal quantity, SymbolBook[] symbols, SimulatedBroker broker, decimal equity, EquityPeaksFigures peaks, DateOnly session, int dayTrades)
    {
        var now = bar.Start.AddSeconds(_options.BarLengthSeconds);

        // A tripped breaker stays tripped; an armed one trips when a limit is reached (Advance would return it unchanged otherwise).
        if (!_breaker.IsTripped && DrawdownBreaker.LimitReached(equity, peaks.Day, peaks.AllTime, _options.MaxDailyDrawdownPct, _options.MaxDrawdownPct))
        {
            _breaker = DrawdownBreaker.Advance(_breaker, equity, new EquityPeaks(peaks.Day, peaks.AllTime), _options, now);
        }

        // Instants are added in time order, so the expired ones are at the front.
        var expired = now.AddSeconds(-60);
        while (_recentOrders.Count > 0 && _recentOrders.Peek() <= expired)
        {
            _recentOrders.Dequeue();
        }

        var locks = _protectionsOn ? ProtectionEvaluator.Evaluate(broker.ClosedTrades, now, _options.Protections) : [];
        if (_screen is not null && _screen.Approves(Figures(symbol, bar, side, quantity, symbols, broker, equity, peaks, session, dayTrades, now, locks)))
        {
            _recentOrders.Enqueue(now);
            return null;
        }

        var intent = portfolio.IntentFor(bar, side, quantity);
        var verdict = RiskManager.Evaluate(intent, Context(bar, symbols, broker, equity, peaks, session, dayTrades, now, locks), _options);
        if (verdict.Approved)
        {
            _recentOrders.Enqueue(now);
            return null;
        }

        return new RiskRefusal(intent, verdict);
    }

    /// <summary>The figures of the context <see cref="Context"/> builds, computed from the run's state in the same order.</summary>
    private RiskFigures Figures(SymbolBook own, in Bar bar, OrderSide side, decimal quantity, SymbolBook[] symbols, SimulatedBroker broker, decimal equity, EquityPeaksFigures peaks, DateOnly session, int dayTrades, DateTimeOffset now, IReadOnlyList<ProtectionLock> locks)
    {
        decimal largestQuantity = 0m;
        decimal reservedTotal = 0m, reservedOwn = 0m, smallestReserved = 0m, largestReserved = 0m;
        int positions = 0, reservations = 0, heldOrReserved = 0;
        var ownQuantity = 0m;
        var ownOpenedToday = false;

        // The value sums in integers when every term is exact there (the same values the decimal sums below give).
        var summed = broker.TryPositionFigures(own, out var others, out var largestValue, out var unrealised);
        foreach (var s in symbols)
        {
            if (s.Held)
            {
                positions++;
                heldOrReserved++;
                largestQuantity = Math.Max(largestQuantity, Math.Abs(s.Quantity));
                if (!summed)
                {
                    var value = s.Quantity * s.LastClose;
                    largestValue = Math.Max(largestValue, Math.Abs(value));
                    unrealised += value - s.CostBasis;
                    if (!ReferenceEquals(s, own))
                    {
                        others += Math.Abs(value);
                    }
                }

                if (ReferenceEquals(s, own))
                {
                    ownQuantity = s.Quantity;
                    ownOpenedToday = s.Trip?.EntrySession == session;
                }
            }

            if (s.Pending is { Side: OrderSide.Buy } pending)
            {
                var usd = pending.Quantity * pending.ReferencePrice;
                reservedTotal += usd;
                smallestReserved = reservations == 0 ? usd : Math.Min(smallestReserved, usd);
                largestReserved = reservations == 0 ? usd : Math.Max(largestReserved, usd);
                reservations++;
                reservedOwn = ReferenceEquals(s, own) ? usd : reservedOwn;
                heldOrReserved += s.Quantity == 0m && usd > 0 ? 1 : 0;
            }
        }

        var lastMinute = 0;
        var since = now - TimeSpan.FromMinutes(1);
        foreach (var t in _recentOrders)
        {
            lastMinute += t > since ? 1 : 0;
        }

        var locked = false;
        foreach (var l in locks)
        {
            locked |= l.BlocksEntry(own.Symbol, now);
        }

        var book = broker.Book;
        return new RiskFigures
        {
            Side = side,
            Quantity = quantity,
            ReferencePrice = bar.Close,
            Now = now,
            LastBarStart = bar.Start,
            LastClose = bar.Close,
            Equity = equity,
            Cash = book.Cash,
            BuyingPower = Math.Max(0m, book.Cash),
            PatternDayTrader = false,
            DayTradeCount = dayTrades,
            PositionQuantity = ownQuantity,
            PositionOpenedToday = ownOpenedToday,
            OtherPositionsGrossUsd = others,
            SymbolsHeldOrReserved = heldOrReserved,
            PositionCount = positions,
            LargestPositionQuantity = largestQuantity,
            LargestPositionValueUsd = largestValue,
            ReservedTotalUsd = reservedTotal,
            ReservedForSymbolUsd = reservedOwn,
            ReservedSymbolCount = reservations,
            SmallestReservedUsd = smallestReserved,
            LargestReservedUsd = largestReserved,
            DayRealisedUsd = book.DayRealizedPnl - book.DayCommissions,
            DayUnrealisedUsd = unrealised,
            DayPeak = peaks.Day,
            AllTimePeak = peaks.AllTime,
            BreakerTripped = _breaker.IsTripped,
            RecentOrderCount = _recentOrders.Count,
            OrdersInLastMinute = lastMinute,
            LockCount = locks.Count,
            EntryLocked = locked,
        };
    }

    private RiskContext Context(in Bar bar, SymbolBook[] symbols, SimulatedBroker broker, decimal equity, EquityPeaksFigures peaks, DateOnly session, int dayTrades, DateTimeOffset now, IReadOnlyList<ProtectionLock> locks)
    {
        var positions = new Dictionary<string, PositionSnapshot>(StringComparer.Ordinal);
        var unrealised = 0m;
        ImmutableDictionary<string, decimal>.Builder? reserved = null;
        var reservedTotal = 0m;
        foreach (var s in symbols)
        {
            if (s.Held)
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
        return new RiskContext
        {
            Now = now,
            TradingState = TradingState.Active,
            MarketOpen = true,
            LastBar = bar,
            Account = new AccountSnapshot(equity, book.Cash, Math.Max(0m, book.Cash), PatternDayTrader: false, DayTradeCount: dayTrades),
            Positions = positions,
            Reserved = reserved is null ? ReservedExposure.None : new ReservedExposure(reservedTotal, reserved.ToImmutable()),
            DayPnl = new DayPnl(book.DayRealizedPnl - book.DayCommissions, unrealised),
            Peaks = new EquityPeaks(peaks.Day, peaks.AllTime),
            Breaker = _breaker,
            RecentOrderInstants = [.. _recentOrders],
            ProtectionLocks = locks,
        };
    }
}
