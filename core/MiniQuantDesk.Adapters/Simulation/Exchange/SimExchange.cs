using System.Globalization;
using MiniQuantDesk.Adapters.Simulation.Replay;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>
/// The simulated venue and account. Time moves only through <see cref="Advance"/>: every bar whose minute has
/// completed by the simulated now is replayed once, in time order, against the working orders. Not thread-safe:
/// callers hold <see cref="Gate"/> around every call (the HTTP layer does so per request).
/// </summary>
internal sealed partial class SimExchange
{
    private readonly List<SimOrder> orders = [];
    private readonly Dictionary<string, SimOrder> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimOrder> byClientOrderId = new(StringComparer.Ordinal);
    private readonly List<SimFill> fills = [];
    private readonly decimal maxVolumeFraction;
    private long sequence;
    private int nextMinute;
    private DateOnly? currentSession;

    public SimExchange(BarTape tape, UsEquityCalendar calendar, decimal startingCash, decimal maxVolumeFraction)
    {
        Tape = tape;
        Calendar = calendar;
        Book = new SimBook(startingCash);
        this.maxVolumeFraction = maxVolumeFraction;
    }

    public object Gate { get; } = new();

    public BarTape Tape { get; }

    public UsEquityCalendar Calendar { get; }

    public SimBook Book { get; }

    /// <summary>The simulated instant the exchange has been advanced to.</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public IReadOnlyList<SimOrder> Orders => orders;

    public IReadOnlyList<SimFill> Fills => fills;

    /// <summary>Replays every bar completed by <paramref name="now"/> (never earlier than the last advance).</summary>
    public void Advance(DateTimeOffset now)
    {
        if (now <= Now)
        {
            return;
        }

        var minutes = Tape.Minutes;
        while (nextMinute < minutes.Count && minutes[nextMinute] + BarTape.BarLength <= now)
        {
            ReplayMinute(minutes[nextMinute]);
            nextMinute++;
        }

        ExpireDayOrders(now);
        if (Calendar.IsOpen(now))
        {
            Route(now);
        }

        Now = now;
    }

    private void ReplayMinute(DateTimeOffset minute)
    {
        ExpireDayOrders(minute);
        var session = NewYorkTime.SessionDate(minute);
        if (currentSession is { } current && session != current)
        {
            Book.RollSession();
        }

        currentSession = session;
        if (Calendar.IsOpen(minute))
        {
            Route(minute);
            var working = orders.Where(o => SimOrderStatus.IsWorking(o.Status) && o.EligibleFrom <= minute)
                .OrderBy(o => o.Sequence)
                .ToList();
            foreach (var order in working)
            {
                if (SimOrderStatus.IsWorking(order.Status) && Tape.TryGetBar(order.Symbol, minute, out var bar))
                {
                    Trade(order, bar);
                }
            }
        }

        foreach (var symbol in Tape.Symbols)
        {
            if (Tape.TryGetBar(symbol, minute, out var bar))
            {
                Book.Mark(symbol, bar.Close);
            }
        }
    }

    /// <summary>Orders accepted while the market was closed go to the venue (new) at the open.</summary>
    private void Route(DateTimeOffset instant)
    {
        foreach (var order in orders.Where(o => o.Status == SimOrderStatus.Accepted))
        {
            order.Status = SimOrderStatus.New;
            order.UpdatedAt = instant;
        }
    }

    private void ExpireDayOrders(DateTimeOffset instant)
    {
        foreach (var order in orders.Where(o => o.IsOpen && o.ExpiresAt is { } expiry && expiry <= instant))
        {
            order.Status = SimOrderStatus.Expired;
            order.ExpiredAt = order.ExpiresAt;
            order.UpdatedAt = order.ExpiresAt!.Value;
        }
    }

    private void Trade(SimOrder order, Bar bar)
    {
        var decision = FillRule.Evaluate(order, bar);
        order.StopTriggered |= decision.StopTriggered;
        var qty = decision.Price is null ? 0m : Math.Min(order.Remaining, FillRule.Cap(bar, maxVolumeFraction));
        if (order.Side == OrderSide.Sell)
        {
            qty = Math.Min(qty, Book.QtyOf(order.Symbol)); // long only: never sell shares that are not there
        }

        if (order.TimeInForce == "fok" && qty < order.Remaining)
        {
            Cancel(order, bar.Start);
            return;
        }

        if (qty > 0m)
        {
            Execute(order, qty, decision.Price!.Value, bar.Start);
        }

        if (order.TimeInForce == "ioc" && order.IsOpen)
        {
            Cancel(order, bar.Start);
        }
    }

    private void Execute(SimOrder order, decimal qty, decimal price, DateTimeOffset time)
    {
        order.FilledQty += qty;
        order.FilledValue += qty * price;
        order.UpdatedAt = time;
        order.Status = order.Remaining == 0m ? SimOrderStatus.Filled : SimOrderStatus.PartiallyFilled;
        if (order.Status == SimOrderStatus.Filled)
        {
            order.FilledAt = time;
        }

        Book.Apply(order.Side, order.Symbol, qty, price);
        var executionId = time.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "::" + Guid.NewGuid().ToString("D");
        fills.Add(new SimFill(executionId, time, order.Symbol, order.Side, qty, price, order.FilledQty, order.Remaining, order.Id, order.Status));

        if (order.Parent is { } parent)
        {
            // The exit legs are one-cancels-other: the first to trade ends its sibling.
            foreach (var sibling in parent.Legs.Where(l => l != order && l.IsOpen))
            {
                Cancel(sibling, time);
            }
        }
        else if (order.Status == SimOrderStatus.Filled)
        {
            // Exit legs start working once the entry has filled completely, from the next bar on.
            foreach (var leg in order.Legs.Where(l => l.Status == SimOrderStatus.Held))
            {
                leg.Status = SimOrderStatus.New;
                leg.UpdatedAt = time;
                leg.EligibleFrom = time + BarTape.BarLength;
            }
        }
    }

    private static void Cancel(SimOrder order, DateTimeOffset time)
    {
        order.Status = SimOrderStatus.Canceled;
        order.CanceledAt = time;
        order.UpdatedAt = time;
        foreach (var leg in order.Legs.Where(l => l.IsOpen))
        {
            Cancel(leg, time);
        }
    }

    /// <summary>A split of <paramref name="ratio"/>-for-1 at the current simulated time (see <see cref="BarTape.ApplySplit"/>).</summary>
    public void ApplySplit(string symbol, decimal ratio)
    {
        // Bars not yet completed have been seen by no one: the split applies from the first of them.
        var effective = nextMinute < Tape.Minutes.Count ? Tape.Minutes[nextMinute] : Now;
        Tape.ApplySplit(symbol, ratio, effective);
        Book.Split(symbol, ratio);
        foreach (var order in orders.Where(o => o.IsOpen && o.Symbol == symbol))
        {
            order.Qty *= ratio;
            order.FilledQty *= ratio;
            order.LimitPrice /= ratio;
            order.StopPrice /= ratio;
            order.UpdatedAt = Now;
        }
    }

    private long NextSequence() => ++sequence;
}
