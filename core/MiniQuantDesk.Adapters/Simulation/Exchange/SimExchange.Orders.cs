using MiniQuantDesk.Adapters.Simulation.Replay;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

internal sealed partial class SimExchange
{
    /// <summary>
    /// Accepts an order or refuses it as Alpaca would: unknown symbol or duplicate client_order_id (422), a buy
    /// costing more than the buying power or a sell of more than the shares available (403). Accepted orders are
    /// "new" during the session, "accepted" while closed; exit legs are "held" until the entry fills.
    /// </summary>
    public (SimOrder? Order, SimError? Error) Submit(SimOrderRequest request)
    {
        if (!Tape.Has(request.Symbol))
        {
            return (null, SimError.Invalid($"asset \"{request.Symbol}\" not found"));
        }

        if (request.ClientOrderId is { } cid && byClientOrderId.ContainsKey(cid))
        {
            return (null, SimError.DuplicateClientOrderId);
        }

        if (CheckFunds(request.Side, request.Symbol, request.Qty, ReferencePrice(request.Symbol, request.Type, request.LimitPrice, request.StopPrice)) is { } refusal)
        {
            return (null, refusal);
        }

        var parent = NewOrder(request.Symbol, request.Side, request.Type, request.TimeInForce, request.Qty, request.LimitPrice, request.StopPrice,
            request.ClientOrderId, request.OrderClass, replaces: null);
        var exitSide = request.Side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
        if (request.StopLossStopPrice is { } stop)
        {
            AddLeg(parent, NewOrder(request.Symbol, exitSide, request.StopLossLimitPrice is null ? "stop" : "stop_limit", request.TimeInForce, request.Qty,
                request.StopLossLimitPrice, stop, null, request.OrderClass, replaces: null));
        }

        if (request.TakeProfitLimitPrice is { } takeProfit)
        {
            // Alpaca lists the take-profit leg first; the stop leg was created first so it trades first in a bar that hits both.
            var leg = NewOrder(request.Symbol, exitSide, "limit", request.TimeInForce, request.Qty, takeProfit, null, null, request.OrderClass, replaces: null);
            AddLeg(parent, leg);
            parent.Legs.Remove(leg);
            parent.Legs.Insert(0, leg);
        }

        return (parent, null);
    }

    public SimOrder? Find(string id) => byId.GetValueOrDefault(id);

    public SimOrder? FindByClientOrderId(string clientOrderId) => byClientOrderId.GetValueOrDefault(clientOrderId);

    /// <summary>Cancels an open order (and its legs; cancelling one exit leg cancels its sibling, as the pair is OCO).</summary>
    public SimError? CancelOrder(string id)
    {
        if (Find(id) is not { } order)
        {
            return SimError.NotFound($"order not found for {id}");
        }

        if (!order.IsOpen)
        {
            return SimError.NotCancelable;
        }

        if (order.Parent is { } parent)
        {
            foreach (var leg in parent.Legs.Where(l => l.IsOpen))
            {
                Cancel(leg, Now);
            }
        }
        else
        {
            Cancel(order, Now);
        }

        return null;
    }

    /// <summary>Cancels every open order; returns them (in submission order) for the 207 answer.</summary>
    public IReadOnlyList<SimOrder> CancelAllOrders()
    {
        var open = orders.Where(o => o.IsOpen).ToList();
        foreach (var order in open.Where(o => o.IsOpen))
        {
            Cancel(order, Now);
        }

        return open;
    }

    /// <summary>
    /// Replaces an open order with a new one (new id; the old one becomes "replaced"). Quantity is the new order's
    /// total; shares already filled stay with the replaced order. A replaced exit leg keeps its place in the bracket.
    /// </summary>
    public (SimOrder? Order, SimError? Error) Replace(string id, SimReplaceRequest patch)
    {
        if (Find(id) is not { } old)
        {
            return (null, SimError.NotFound($"order not found for {id}"));
        }

        if (old.Status is not (SimOrderStatus.New or SimOrderStatus.PartiallyFilled or SimOrderStatus.Held))
        {
            return (null, SimError.Invalid($"order is not replaceable in status {old.Status}"));
        }

        if (patch.ClientOrderId is { } cid && byClientOrderId.ContainsKey(cid))
        {
            return (null, SimError.DuplicateClientOrderId);
        }

        if ((patch.LimitPrice is not null && old.LimitPrice is null) || (patch.StopPrice is not null && old.StopPrice is null))
        {
            return (null, SimError.Invalid($"a {old.Type} order has no {(patch.LimitPrice is not null ? "limit_price" : "stop_price")} to replace"));
        }

        var qty = patch.Qty ?? old.Remaining;
        var replacement = NewOrder(old.Symbol, old.Side, old.Type, patch.TimeInForce ?? old.TimeInForce, qty, patch.LimitPrice ?? old.LimitPrice,
            patch.StopPrice ?? old.StopPrice, patch.ClientOrderId, old.OrderClass, replaces: old.Id);
        replacement.Status = old.Status == SimOrderStatus.Held ? SimOrderStatus.Held : replacement.Status;
        replacement.EligibleFrom = old.EligibleFrom > Now ? old.EligibleFrom : Now;
        if (old.Parent is { } parent)
        {
            replacement.Parent = parent;
            parent.Legs[parent.Legs.IndexOf(old)] = replacement;
        }

        foreach (var leg in old.Legs)
        {
            leg.Parent = replacement;
            replacement.Legs.Add(leg);
        }

        old.Legs.Clear();
        old.Status = SimOrderStatus.Replaced;
        old.ReplacedAt = Now;
        old.ReplacedBy = replacement.Id;
        old.UpdatedAt = Now;
        return (replacement, null);
    }

    private SimOrder NewOrder(string symbol, OrderSide side, string type, string tif, decimal qty, decimal? limit, decimal? stop,
        string? clientOrderId, string orderClass, string? replaces)
    {
        var order = new SimOrder
        {
            Id = Guid.NewGuid().ToString("D"),
            ClientOrderId = clientOrderId ?? Guid.NewGuid().ToString("D"),
            Sequence = NextSequence(),
            Symbol = symbol,
            Side = side,
            Type = type,
            TimeInForce = tif,
            Qty = qty,
            LimitPrice = limit,
            StopPrice = stop,
            OrderClass = orderClass,
            Status = Calendar.IsOpen(Now) ? SimOrderStatus.New : SimOrderStatus.Accepted,
            CreatedAt = Now,
            UpdatedAt = Now,
            SubmittedAt = Now,
            ExpiresAt = tif == "day" ? Calendar.NextClose(Now) : null,
            Replaces = replaces,
            EligibleFrom = Now,
        };
        orders.Add(order);
        byId[order.Id] = order;
        byClientOrderId[order.ClientOrderId] = order;
        return order;
    }

    private static void AddLeg(SimOrder parent, SimOrder leg)
    {
        leg.Parent = parent;
        leg.Status = SimOrderStatus.Held;
        parent.Legs.Add(leg);
    }

    /// <summary>What a buy is expected to cost per share: its limit (or stop), else the last close, else the next open.</summary>
    private decimal ReferencePrice(string symbol, string type, decimal? limit, decimal? stop) =>
        limit ?? stop ?? Book.LastClose(symbol) ?? Tape.FirstFrom(symbol, Now - BarTape.BarLength)?.Open ?? 0m;
}
