using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>
/// How an order trades against one bar (pure). Market: the bar's open. Limit: only when the bar trades THROUGH the
/// limit (a buy needs low &lt; limit, a sell high &gt; limit; touching is not enough), at the open when the open is
/// already better, else at the limit. Stop: triggered when the bar reaches the stop (sell: low ≤ stop; buy: high ≥ stop),
/// filled at the stop, or at the open when the bar gaps through it. Stop-limit: once triggered, a limit order.
/// </summary>
internal static class FillRule
{
    public readonly record struct Decision(bool StopTriggered, decimal? Price);

    public static Decision Evaluate(SimOrder order, Bar bar)
    {
        var buy = order.Side == OrderSide.Buy;
        switch (order.Type)
        {
            case "market":
                return new Decision(false, bar.Open);
            case "limit":
                return new Decision(false, LimitPrice(buy, order.LimitPrice!.Value, bar));
            case "stop":
                return StopReached(buy, order.StopPrice!.Value, bar)
                    ? new Decision(true, buy ? Math.Max(bar.Open, order.StopPrice.Value) : Math.Min(bar.Open, order.StopPrice.Value))
                    : new Decision(false, null);
            case "stop_limit":
                var triggered = order.StopTriggered || StopReached(buy, order.StopPrice!.Value, bar);
                return new Decision(triggered, triggered ? LimitPrice(buy, order.LimitPrice!.Value, bar) : null);
            default:
                return new Decision(false, null);
        }
    }

    /// <summary>The most one order may fill in a bar: the fraction of its volume, whole shares, rounded down.</summary>
    public static decimal Cap(Bar bar, decimal maxVolumeFraction) => decimal.Floor(bar.Volume * maxVolumeFraction);

    private static decimal? LimitPrice(bool buy, decimal limit, Bar bar) => buy
        ? bar.Low < limit ? Math.Min(bar.Open, limit) : null
        : bar.High > limit ? Math.Max(bar.Open, limit) : null;

    private static bool StopReached(bool buy, decimal stop, Bar bar) => buy ? bar.High >= stop : bar.Low <= stop;
}
