using System.Globalization;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk.Protections;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// The fill model and the ledger of a run. Market orders fill at the open of the symbol's next bar (a
/// session-close flatten at the bar's close); a buy that the cash cannot pay is cut to
/// floor((cash − fixed) / (open + per share)) shares (SPEC §4a). A protective exit the broker holds
/// fills inside a bar: at the open when the bar opens beyond it, else at its price when the bar's range
/// reaches it; when a bar reaches both, the stop-loss is assumed first (the pessimistic reading of a bar).
/// Every fill is booked by a <see cref="RunningBook"/>: the numbers of <see cref="Book.Apply"/>, the live
/// accounting, kept in place so that a fill allocates nothing.
/// </summary>
internal sealed class SimulatedBroker
{
    private readonly SymbolBook[] _symbols;
    private readonly CommissionModel _commission;
    private readonly List<BacktestTrade> _trades = [];
    private readonly List<ClosedTrade> _closed = [];
    private readonly List<DateOnly> _dayTradeSessions = [];

    // SharesHeld as of the last fill: positions change only through Fill, and every equity row asks for it.
    private decimal? _sharesHeld;

    // Cash and the held positions at their last closes, for the equity (exact integer sums of the decimals).
    private readonly MarkedHoldings _marks;

    public SimulatedBroker(SymbolBook[] symbols, decimal initialCash, CommissionModel commission)
    {
        _symbols = symbols;
        _commission = commission;
        Book = new RunningBook(initialCash, [.. symbols.Select(s => s.Symbol)]);
        _marks = new MarkedHoldings(symbols.Length, initialCash);
    }

    public RunningBook Book { get; }

    public IReadOnlyList<BacktestTrade> Trades => _trades;

    public IReadOnlyList<ClosedTrade> ClosedTrades => _closed;

    /// <summary>Round trips opened and closed in the same session, from <paramref name="since"/> on (the PDT count).</summary>
    public int DayTradesSince(DateOnly since)
    {
        var count = 0;
        for (var i = _dayTradeSessions.Count - 1; i >= 0 && _dayTradeSessions[i] >= since; i--)
        {
            count++;
        }

        return count;
    }

    /// <summary>Cash + Σ shares × last close over the held symbols, in slot order (the decimal that sum gives, see <see cref="MarkedHoldings"/>).</summary>
    public decimal Equity() => _marks.Equity();

    /// <summary>Σ |value| of the positions other than <paramref name="own"/>'s, the largest |value| and Σ (value − cost basis), exactly; false when they must be summed in decimal (<see cref="MarkedHoldings.TryPositionFigures"/>).</summary>
    public bool TryPositionFigures(SymbolBook own, out decimal others, out decimal largestValue, out decimal unrealised) =>
        _marks.TryPositionFigures(own.Slot, out others, out largestValue, out unrealised);

    /// <summary>The symbol's last close (<paramref name="parts"/> are its <see cref="DecimalParts"/>).</summary>
    public void Mark(SymbolBook symbol, decimal close, in DecimalParts parts)
    {
        symbol.LastClose = close;
        _marks.SetPrice(symbol.Slot, close, parts);
    }

    /// <summary>Σ shares over the symbols (flat ones add nothing: whole-share zeros, so the sum is the same).</summary>
    public decimal SharesHeld() => _sharesHeld ??= SumOfShares();

    private decimal SumOfShares()
    {
        var shares = 0m;
        foreach (var symbol in _symbols)
        {
            if (symbol.Held)
            {
                shares += symbol.Quantity;
            }
        }

        return shares;
    }

    /// <summary>A new session: the book's day figures restart (an open position needs a positive last close, as the live book's marks do).</summary>
    public void StartDay()
    {
        foreach (var symbol in _symbols)
        {
            if (symbol.Held && symbol.LastClose <= 0m)
            {
                var missing = _symbols.Where(s => s.Quantity != 0m && s.LastClose <= 0m).Select(s => s.Symbol);
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"no positive mark for open position(s) {string.Join(", ", missing)}"));
            }
        }

        Book.StartDay();
    }

    /// <summary>Fills the symbol's pending market order at this bar's open.</summary>
    public void FillPendingAtOpen(SymbolBook symbol, in Bar bar, DateOnly session)
    {
        var order = symbol.Pending!.Value;
        symbol.Pending = null;
        var price = bar.Open;
        if (order.Side == OrderSide.Buy)
        {
            var quantity = order.Quantity;
            if ((quantity * price) + _commission.For(quantity) > Book.Cash)
            {
                quantity = decimal.Floor((Book.Cash - _commission.Fixed) / (price + _commission.PerShare));
            }

            if (quantity >= 1m)
            {
                Fill(symbol, OrderSide.Buy, quantity, price, bar.Start, session, ExitReason.Signal);
                symbol.Exit = order.Protection;
            }

            return;
        }

        var held = Math.Min(order.Quantity, symbol.Quantity);
        if (held > 0m)
        {
            Fill(symbol, OrderSide.Sell, held, price, bar.Start, session, ExitReason.Signal);
        }
    }

    /// <summary>Sells at this bar's close (the session-close flatten).</summary>
    public void SellAtClose(SymbolBook symbol, decimal orderQuantity, in Bar bar, DateOnly session)
    {
        var quantity = Math.Min(orderQuantity, symbol.Quantity);
        if (quantity > 0m)
        {
            Fill(symbol, OrderSide.Sell, quantity, bar.Close, bar.Start, session, ExitReason.SessionClose);
        }
    }

    /// <summary>Triggers the broker-held stop-loss or take-profit when this bar reaches it.</summary>
    public void CheckProtectiveExit(SymbolBook symbol, in Bar bar, DateOnly session)
    {
        if (symbol.Exit is not { } exit || symbol.Quantity <= 0m)
        {
            return;
        }

        if (exit.StopLossPrice is { } stop && bar.Low <= stop)
        {
            var price = bar.Open < stop ? bar.Open : stop;
            Fill(symbol, OrderSide.Sell, symbol.Quantity, price, bar.Start, session, ExitReason.StopLoss);
        }
        else if (exit.TakeProfitPrice is { } take && bar.High >= take)
        {
            var price = bar.Open > take ? bar.Open : take;
            Fill(symbol, OrderSide.Sell, symbol.Quantity, price, bar.Start, session, ExitReason.TakeProfit);
        }
    }

    private void Fill(SymbolBook symbol, OrderSide side, decimal quantity, decimal price, DateTimeOffset at, DateOnly session, ExitReason reason)
    {
        var commission = _commission.For(quantity);
        Book.Apply(symbol.Slot, side, quantity, price, commission);
        symbol.SetPosition(Book.QuantityOf(symbol.Slot), Book.CostBasisOf(symbol.Slot));
        _marks.Cash = Book.Cash;
        _marks.SetPosition(symbol.Slot, symbol.Quantity, symbol.CostBasis);
        _sharesHeld = null;

        if (side == OrderSide.Buy)
        {
            symbol.Trip ??= new RoundTrip(at, session);
            symbol.Trip.Bought(quantity, price, commission);
            return;
        }

        symbol.Trip?.Sold(quantity, price, commission);
        if (!symbol.Held && symbol.Trip is { } trip)
        {
            var trade = trip.Close(symbol.Symbol, at, reason);
            _trades.Add(trade);
            _closed.Add(new ClosedTrade(symbol.Symbol, at, trade.Pnl));
            if (trip.EntrySession == session)
            {
                _dayTradeSessions.Add(session);
            }
            symbol.Trip = null;
            symbol.Exit = null;
        }
    }
}
