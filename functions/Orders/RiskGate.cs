using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Orders;

/// <summary>
/// Loads everything the risk manager looks at (broker account, positions and clock; stored bars, peaks,
/// breaker and reservations), asks it, and on approval reserves the order's exposure under the ETag of
/// what was read. A concurrent reservation makes it read and decide again; the loop is bounded.
/// </summary>
public sealed class RiskGate(BrokerClients broker, BarStore bars, OrderStore orders, ExposureReservations reservations, RiskStateStore riskState, Discord.State.ProtectionLockStore locks, DeskSettings settings, TimeProvider time)
{
    private const int MaxAttempts = 8;

    public async Task<RiskVerdict> CheckAndReserveAsync(OrderIntent intent, DeskFlags flags, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var reserved = await reservations.ReadAsync(ct);
            var context = await LoadAsync(intent, flags, reserved, ct);
            var verdict = RiskManager.Evaluate(intent, context, settings.Risk);
            if (!verdict.Approved)
            {
                return verdict;
            }

            if (await reservations.TryReserveAsync(reserved, intent.IntentId, intent.Symbol, verdict.AddedExposureUsd, ct))
            {
                return verdict;
            }
        }

        throw new ConcurrencyConflictException("exposure reservations (too many concurrent orders)");
    }

    private async Task<RiskContext> LoadAsync(OrderIntent intent, DeskFlags flags, ExposureReservations.Snapshot reserved, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var clock = broker.Trading.GetClockAsync(ct);
        var account = broker.Trading.GetAccountAsync(ct);
        var positions = broker.Trading.ListPositionsAsync(ct);
        var recentBars = bars.ReadSinceAsync(intent.Symbol, now.AddMinutes(-30), ct);
        var known = orders.ListSinceAsync(now.AddDays(-1), ct);
        var risk = riskState.ReadAsync(ct);
        var lockBook = CurrentLocksAsync(now, ct);
        var quote = intent.Type == OrderType.Market ? LatestQuoteAsync(intent.Symbol, ct) : Task.FromResult<QuoteSnapshot?>(null);
        await Task.WhenAll(clock, account, positions, recentBars, known, risk, quote, lockBook);

        var a = account.Result;
        var today = NewYorkTime.SessionDate(now);
        var openedToday = known.Result
            .Where(o => o.Record.FilledQuantity > 0 && o.Record.LastFillAt is { } at && NewYorkTime.SessionDate(at) == today)
            .Select(o => o.Record.Symbol)
            .ToHashSet(StringComparer.Ordinal);
        var snapshot = positions.Result.ToDictionary(
            p => p.Symbol,
            p => new PositionSnapshot(p.Qty * (p.Side == "short" && p.Qty > 0 ? -1 : 1), p.MarketValue ?? 0m, openedToday.Contains(p.Symbol)),
            StringComparer.Ordinal);
        var unrealisedToday = positions.Result.Sum(p => p.UnrealizedIntradayPl ?? 0m);
        var dayTotal = a.Equity - a.LastEquity;
        var peaks = await ObservePeaksAsync(risk.Result, a.Equity, today, ct);

        return new RiskContext
        {
            Now = now,
            TradingState = flags.KillSwitch ? TradingState.Halted : flags.TradingEnabled ? TradingState.Active : TradingState.Reducing,
            MarketOpen = clock.Result.IsOpen,
            LastBar = recentBars.Result.Count > 0 ? recentBars.Result[^1] : null,
            Quote = quote.Result,
            Account = new AccountSnapshot(a.Equity, a.Cash, a.BuyingPower, a.PatternDayTrader, a.DaytradeCount),
            Positions = snapshot,
            Reserved = reserved.Excluding(intent.IntentId),
            DayPnl = new DayPnl(dayTotal - unrealisedToday, unrealisedToday),
            Peaks = peaks.Peaks,
            Breaker = peaks.Breaker,
            RecentOrderInstants = known.Result.Where(o => o.Record.CreatedAt > now.AddMinutes(-1)).Select(o => o.Record.CreatedAt).ToList(),
            ProtectionLocks = lockBook.Result,
        };
    }

    /// <summary>
    /// Protections, freqtrade-style: the round trips closed in the last days (realised P&amp;L from the desk's own
    /// fills) go through the same evaluator as the backtest; new locks join the stored book (a lock a person
    /// lifted stays lifted: the book keeps its id), and the locks active now are what the risk manager sees.
    /// </summary>
    private async Task<IReadOnlyList<Domain.Risk.Protections.ProtectionLock>> CurrentLocksAsync(DateTimeOffset now, CancellationToken ct)
    {
        var recent = await orders.ListSinceAsync(now.AddDays(-3), ct);
        var trades = ClosedTrades(recent);
        var found = Domain.Risk.Protections.ProtectionEvaluator.Evaluate(trades, now, settings.Risk.Protections);
        var book = found.Count == 0
            ? await locks.ReadAsync(ct)
            : await locks.ChangeAsync(b => { var added = b.Add(found); return (added, added); }, ct);
        return book.ActiveAt(now);
    }

    /// <summary>Each fill that shrinks a position closes (part of) a trade with its realised P&amp;L.</summary>
    public static IReadOnlyList<Domain.Risk.Protections.ClosedTrade> ClosedTrades(IEnumerable<StoredOrder> known)
    {
        var trades = new List<Domain.Risk.Protections.ClosedTrade>();
        var book = new Dictionary<string, Domain.Accounting.Position>(StringComparer.Ordinal);
        foreach (var order in known.Where(o => o.Record.FilledQuantity > 0m).OrderBy(o => o.Record.LastFillAt ?? o.Record.UpdatedAt))
        {
            var r = order.Record;
            var at = r.LastFillAt ?? r.UpdatedAt;
            var position = book.GetValueOrDefault(r.Symbol) ?? Domain.Accounting.Position.Flat(r.Symbol);
            var change = position.Apply(new Domain.Accounting.FillEvent(r.ClientOrderId, $"order:{r.ClientOrderId}", r.Symbol, r.Side, r.FilledQuantity, r.AverageFillPrice ?? 0m, 0m, at));
            book[r.Symbol] = change.Position;
            if (change.RealizedPnl != 0m || (position.Quantity != 0m && change.Position.Quantity == 0m))
            {
                trades.Add(new Domain.Risk.Protections.ClosedTrade(r.Symbol, at, change.RealizedPnl));
            }
        }

        return trades;
    }

    /// <summary>The NBBO for the spread check; a failed quote request leaves it missing (the risk options decide).</summary>
    private async Task<QuoteSnapshot?> LatestQuoteAsync(string symbol, CancellationToken ct)
    {
        try
        {
            var quotes = await broker.Data.GetLatestQuotesAsync([symbol], cancellationToken: ct);
            return quotes.TryGetValue(symbol, out var q) ? new QuoteSnapshot(q.BidPrice, q.AskPrice) : null;
        }
        catch (Adapters.Alpaca.Errors.AlpacaException)
        {
            return null;
        }
    }

    /// <summary>Moves the equity peaks forward (a new day restarts the day peak) and trips the breaker if due; persisted for people to see.</summary>
    private async Task<(EquityPeaks Peaks, DrawdownBreakerState Breaker)> ObservePeaksAsync(RiskStateStore.RiskState seen, decimal equity, DateOnly today, CancellationToken ct)
    {
        var peaks = seen.Peaks is null ? EquityPeaks.RebasedTo(equity) : seen.PeakDay == today ? seen.Peaks.Observe(equity) : seen.Peaks.StartDay(equity);
        var breaker = DrawdownBreaker.Advance(seen.Breaker, equity, peaks, settings.Risk, time.GetUtcNow());
        if (peaks != seen.Peaks || breaker != seen.Breaker || seen.PeakDay != today)
        {
            await riskState.TryWriteAsync(seen, peaks, today, breaker, ct); // losing the race is fine: the winner wrote the same facts
        }

        return (peaks, breaker);
    }
}
