using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// Rebuilds the day from the previous close: what was held overnight (the end positions less the day's
/// fills) is valued at the previous close, cash is what makes that equal <c>last_equity</c>; then fills and
/// minute closes are replayed in time order to draw the equity curve and realise each trade's P&amp;L.
/// A pure function of its input.
/// </summary>
public static class DailyReportBuilder
{
    public static DailyReport Build(DailyReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fills = input.Fills.OrderBy(f => f.At).ThenBy(f => f.ExecutionId, StringComparer.Ordinal).ToList();
        var positions = OpeningPositions(input, fills, out var marks);
        var cash = input.StartEquity - positions.Values.Sum(p => p.CostBasis);

        var realizedByOrder = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var closingOrders = new HashSet<string>(StringComparer.Ordinal);
        var curve = new List<DayEquityPoint>();
        var closes = input.Bars.Values.SelectMany(b => b)
            .Where(b => NewYorkTime.SessionDate(b.Start) == input.Session && b.Start < input.End)
            .OrderBy(b => b.Start).ToList();
        var firstInstant = closes.Count > 0 ? closes[0].Start : fills.Count > 0 ? fills[0].At : input.End;
        curve.Add(new DayEquityPoint(firstInstant, input.StartEquity));

        var f = 0;
        var b = 0;
        while (b < closes.Count)
        {
            var closeAt = closes[b].Start.AddMinutes(1);
            for (; f < fills.Count && fills[f].At <= closeAt; f++)
            {
                cash = ApplyFill(fills[f], positions, marks, cash, realizedByOrder, closingOrders);
            }

            for (; b < closes.Count && closes[b].Start.AddMinutes(1) == closeAt; b++)
            {
                marks[closes[b].Symbol] = closes[b].Close;
            }

            curve.Add(new DayEquityPoint(closeAt, Equity(cash, positions, marks)));
        }

        for (; f < fills.Count; f++)
        {
            cash = ApplyFill(fills[f], positions, marks, cash, realizedByOrder, closingOrders);
        }

        foreach (var held in input.Positions)
        {
            marks[held.Symbol] = held.CurrentPrice;
        }

        curve.Add(new DayEquityPoint(input.End, input.EndEquity));
        var unrealized = positions.Values.Sum(p => p.UnrealizedPnl(marks.GetValueOrDefault(p.Symbol)));
        var trades = fills.GroupBy(x => x.ClientOrderId, StringComparer.Ordinal).Select(g =>
        {
            var qty = g.Sum(x => x.Quantity);
            return new DayTrade(g.Key, g.First().Symbol, g.First().Side, qty, g.Sum(x => x.Quantity * x.Price) / qty, g.Max(x => x.At),
                realizedByOrder.GetValueOrDefault(g.Key), closingOrders.Contains(g.Key));
        }).OrderBy(t => t.At).ToList();
        return new DailyReport(input.Session, input.StartEquity, input.EndEquity, realizedByOrder.Values.Sum(), unrealized, trades, curve);
    }

    private static Dictionary<string, Position> OpeningPositions(DailyReportInput input, List<FillEvent> fills, out Dictionary<string, decimal> marks)
    {
        var end = input.Positions.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        var symbols = end.Keys.Concat(fills.Select(x => x.Symbol)).Distinct(StringComparer.Ordinal);
        var positions = new Dictionary<string, Position>(StringComparer.Ordinal);
        marks = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var endQty = end.TryGetValue(symbol, out var held) ? held.Quantity : 0m;
            var opening = endQty - fills.Where(x => x.Symbol == symbol).Sum(x => x.SignedQuantity);
            var previousClose = held?.PreviousClose
                ?? input.PreviousCloses?.GetValueOrDefault(symbol)
                ?? fills.FirstOrDefault(x => x.Symbol == symbol)?.Price
                ?? held?.CurrentPrice ?? 0m;
            marks[symbol] = previousClose;
            if (opening != 0m)
            {
                positions[symbol] = new Position(symbol, opening, opening * previousClose);
            }
        }

        return positions;
    }

    private static decimal ApplyFill(FillEvent fill, Dictionary<string, Position> positions, Dictionary<string, decimal> marks, decimal cash,
        Dictionary<string, decimal> realizedByOrder, HashSet<string> closingOrders)
    {
        var before = positions.GetValueOrDefault(fill.Symbol) ?? Position.Flat(fill.Symbol);
        var change = before.Apply(fill);
        if (before.Quantity != 0m && Math.Sign(fill.SignedQuantity) != Math.Sign(before.Quantity))
        {
            closingOrders.Add(fill.ClientOrderId);
        }

        realizedByOrder[fill.ClientOrderId] = realizedByOrder.GetValueOrDefault(fill.ClientOrderId) + change.RealizedPnl;
        if (change.Position.IsFlat)
        {
            positions.Remove(fill.Symbol);
        }
        else
        {
            positions[fill.Symbol] = change.Position;
        }

        marks[fill.Symbol] = fill.Price;
        return cash - (fill.SignedQuantity * fill.Price) - fill.Commission;
    }

    private static decimal Equity(decimal cash, Dictionary<string, Position> positions, Dictionary<string, decimal> marks) =>
        cash + positions.Values.Sum(p => p.Quantity * marks.GetValueOrDefault(p.Symbol));
}
