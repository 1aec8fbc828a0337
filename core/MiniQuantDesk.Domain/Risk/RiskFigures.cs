using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// A <see cref="RiskContext"/> and a market-order intent reduced to the numbers the risk checks compare,
/// for <see cref="RiskScreen"/>. A caller that evaluates many intents in a loop (the backtest) keeps these
/// figures as plain values instead of building dictionaries and records for every intent. The context
/// they stand for is ACTIVE, market open, without a quote, and has every input present; <see cref="TryFrom"/>
/// reduces such a context (and says no to any other).
/// </summary>
public readonly record struct RiskFigures
{
    // The intent (a market order: no limit price).
    public OrderSide Side { get; init; }
    public decimal Quantity { get; init; }
    public decimal ReferencePrice { get; init; }

    // The clock and the intent's symbol's last bar.
    public DateTimeOffset Now { get; init; }
    public DateTimeOffset LastBarStart { get; init; }
    public decimal LastClose { get; init; }

    // The account.
    public decimal Equity { get; init; }
    public decimal Cash { get; init; }
    public decimal BuyingPower { get; init; }
    public bool? PatternDayTrader { get; init; }
    public int? DayTradeCount { get; init; }

    /// <summary>The intent's symbol's position (0 when there is none) and whether it was opened this session.</summary>
    public decimal PositionQuantity { get; init; }
    public bool PositionOpenedToday { get; init; }

    /// <summary>Σ |market value| of the positions in other symbols, in the order the context lists them.</summary>
    public decimal OtherPositionsGrossUsd { get; init; }

    /// <summary>Symbols with a non-zero position or a positive reservation (the union, counted once).</summary>
    public int SymbolsHeldOrReserved { get; init; }

    // For the sanity checks on the positions: how many, and the largest magnitudes.
    public int PositionCount { get; init; }
    public decimal LargestPositionQuantity { get; init; }
    public decimal LargestPositionValueUsd { get; init; }

    // Exposure reserved by orders in flight.
    public decimal ReservedTotalUsd { get; init; }
    public decimal ReservedForSymbolUsd { get; init; }
    public int ReservedSymbolCount { get; init; }
    public decimal SmallestReservedUsd { get; init; }
    public decimal LargestReservedUsd { get; init; }

    public decimal DayRealisedUsd { get; init; }
    public decimal DayUnrealisedUsd { get; init; }
    public decimal DayPeak { get; init; }
    public decimal AllTimePeak { get; init; }
    public bool BreakerTripped { get; init; }

    /// <summary>Every instant listed as a recent order, and those after now − 60 s.</summary>
    public int RecentOrderCount { get; init; }
    public int OrdersInLastMinute { get; init; }

    public int LockCount { get; init; }

    /// <summary>A lock in force at <see cref="Now"/> blocks entries in the intent's symbol.</summary>
    public bool EntryLocked { get; init; }

    /// <summary>
    /// The figures of (<paramref name="intent"/>, <paramref name="context"/>), computed the way the risk
    /// manager reads them. False when the pair is outside what the screen covers: a limit order or a malformed
    /// intent, a state other than ACTIVE, the market not known open, a quote given, a missing input, a last
    /// bar of another symbol, an empty position or lock entry.
    /// </summary>
    public static bool TryFrom(OrderIntent? intent, RiskContext? context, out RiskFigures figures)
    {
        figures = default;
        if (intent is not { Type: OrderType.Market, LimitPrice: null } || string.IsNullOrWhiteSpace(intent.IntentId)
            || string.IsNullOrWhiteSpace(intent.Symbol) || !Enum.IsDefined(intent.Side)
            || context is not
            {
                Now: { } now, TradingState: TradingState.Active, MarketOpen: true, LastBar: { } bar, Quote: null,
                Account: { } account, Positions: { } positions, Reserved: { BySymbolUsd: { } reserved } reservedExposure,
                DayPnl: { } pnl, Peaks: { } peaks, Breaker: { } breaker, RecentOrderInstants: { } recent, ProtectionLocks: { } locks,
            }
            || !string.Equals(bar.Symbol, intent.Symbol, StringComparison.Ordinal))
        {
            return false;
        }

        var symbol = intent.Symbol;
        decimal others = 0m, largestQuantity = 0m, largestValue = 0m;
        var held = new HashSet<string>(StringComparer.Ordinal);
        PositionSnapshot? own = null;
        foreach (var (key, position) in positions)
        {
            if (string.IsNullOrWhiteSpace(key) || position is null)
            {
                return false;
            }

            largestQuantity = Math.Max(largestQuantity, Math.Abs(position.Quantity));
            largestValue = Math.Max(largestValue, Math.Abs(position.MarketValue));
            if (string.Equals(key, symbol, StringComparison.Ordinal))
            {
                own = position;
            }
            else
            {
                others += Math.Abs(position.MarketValue);
            }

            if (position.Quantity != 0)
            {
                held.Add(key);
            }
        }

        decimal smallestReserved = 0m, largestReserved = 0m;
        var first = true;
        foreach (var (key, usd) in reserved)
        {
            smallestReserved = first ? usd : Math.Min(smallestReserved, usd);
            largestReserved = first ? usd : Math.Max(largestReserved, usd);
            first = false;
            if (usd > 0)
            {
                held.Add(key);
            }
        }

        var since = now - TimeSpan.FromMinutes(1);
        var lastMinute = 0;
        foreach (var t in recent)
        {
            lastMinute += t > since ? 1 : 0;
        }

        var locked = false;
        foreach (var l in locks)
        {
            if (l is null)
            {
                return false;
            }

            locked |= l.BlocksEntry(symbol, now);
        }

        figures = new RiskFigures
        {
            Side = intent.Side,
            Quantity = intent.Quantity,
            ReferencePrice = intent.ReferencePrice,
            Now = now,
            LastBarStart = bar.Start,
            LastClose = bar.Close,
            Equity = account.Equity,
            Cash = account.Cash,
            BuyingPower = account.BuyingPower,
            PatternDayTrader = account.PatternDayTrader,
            DayTradeCount = account.DayTradeCount,
            PositionQuantity = own?.Quantity ?? 0m,
            PositionOpenedToday = own?.OpenedToday ?? false,
            OtherPositionsGrossUsd = others,
            SymbolsHeldOrReserved = held.Count,
            PositionCount = positions.Count,
            LargestPositionQuantity = largestQuantity,
            LargestPositionValueUsd = largestValue,
            ReservedTotalUsd = reservedExposure.TotalUsd,
            ReservedForSymbolUsd = reservedExposure.For(symbol),
            ReservedSymbolCount = reserved.Count,
            SmallestReservedUsd = smallestReserved,
            LargestReservedUsd = largestReserved,
            DayRealisedUsd = pnl.RealisedUsd,
            DayUnrealisedUsd = pnl.UnrealisedUsd,
            DayPeak = peaks.DayPeak,
            AllTimePeak = peaks.AllTimePeak,
            BreakerTripped = breaker.IsTripped,
            RecentOrderCount = recent.Count,
            OrdersInLastMinute = lastMinute,
            LockCount = locks.Count,
            EntryLocked = locked,
        };
        return true;
    }
}
