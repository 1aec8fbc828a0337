using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>
/// The backtest: bars in, trades, equity curve and summary out. Pure (no I/O, no clock) and deterministic.
/// It runs the live decision code: <see cref="Indicators.IndicatorSet"/> → the strategies →
/// <see cref="PortfolioManager"/> → <see cref="RiskManager"/> → fills booked by <see cref="Accounting.Book"/>.
/// For each bar, in time order (SPEC §4): (a) the symbol's order from its previous bar fills at this open
/// (and a broker-held stop/take-profit may fill inside the bar); (b) at the close, indicators and strategies
/// see the bar and the portfolio decides — on the symbol's last bar of the session it flattens at the close
/// instead — and an approved intent waits for the next bar; (c) after the last bar of a bar time, one
/// equity row.
/// </summary>
public static class BacktestEngine
{
    /// <summary>How often (in bars) <c>progress</c> is called.</summary>
    public const int ProgressEvery = 4096;

    /// <summary>Prepares the bars (SPEC §2, <see cref="BacktestBars.Prepare"/>) and runs.</summary>
    public static BacktestResult Run(IEnumerable<Bar> bars, BacktestOptions options, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(BacktestBars.Prepare(bars, options.From, options.To), options, progress);
    }

    /// <summary>
    /// Runs on prepared bars. Throws <see cref="ArgumentException"/> listing every bad setting before
    /// anything runs. <paramref name="progress"/> gets (bars done, bars total) every <see cref="ProgressEvery"/> bars and at the end.
    /// </summary>
    public static BacktestResult Run(BacktestBars prepared, BacktestOptions options, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var bars = prepared.BarArray;
        var symbolIndex = prepared.SymbolIndex;
        var sessionOf = prepared.SessionOf;
        var prices = prepared.Prices;
        var steps = prepared.Steps;
        var closeParts = prepared.CloseParts;
        var symbols = prepared.Symbols.Select((s, slot) => new SymbolBook(s, slot, options)).ToArray();
        var portfolio = new PortfolioManager(options.Strategies, prepared.Symbols, options.Portfolio);
        var broker = new SimulatedBroker(symbols, options.InitialCash, options.Commission);
        var risk = new BacktestRisk(options.Risk, options.ScreenRisk);
        var refusals = new List<RiskRefusal>();
        var equity = new EquityPoint[prepared.Times];
        var sessions = new List<DateOnly>();
        var dayPeak = options.InitialCash;
        var allTimePeak = options.InitialCash;
        var row = 0;

        for (var i = 0; i < bars.Length; i++)
        {
            ref readonly var bar = ref bars[i];
            var symbol = symbols[symbolIndex[i]];
            var session = sessionOf[i];
            var step = steps[i];
            if ((step & BarStep.StartsSession) != 0)
            {
                sessions.Add(session);
                var opening = broker.Equity();
                broker.StartDay();
                dayPeak = opening;
                allTimePeak = Math.Max(allTimePeak, opening);
            }

            // (a) the open: last bar's order, then whatever the broker holds for this position.
            if (symbol.Pending.HasValue)
            {
                broker.FillPendingAtOpen(symbol, bar, session);
            }

            if (symbol.Exit is not null)
            {
                broker.CheckProtectiveExit(symbol, bar, session);
            }

            // (b) the close: the same decision path as live.
            ref readonly var price = ref prices[i];
            symbol.Indicators.Update(bar, price.High, price.Low, price.Close);
            var strategies = symbol.Strategies;
            var signals = symbol.Signals;
            for (var k = 0; k < strategies.Length; k++)
            {
                signals[k] = strategies[k].OnBar(bar, symbol.Indicators);
            }

            broker.Mark(symbol, bar.Close, closeParts[i]);
            var closing = (step & BarStep.LastOfSymbolSession) != 0;

            // Most bars change no sleeve (no signal, a Buy on a held sleeve, a Sell on an empty one): then the
            // portfolio has nothing to decide and the equity is not needed.
            if (portfolio.MayChange(symbol.Slot, signals, symbol.Quantity, closing))
            {
                var now = broker.Equity();
                if (portfolio.TryDecide(bar, symbol.Slot, signals, symbol.Quantity, now, closing, out var side, out var quantity))
                {
                    var peaks = new EquityPeaksFigures(Math.Max(dayPeak, now), Math.Max(allTimePeak, now));
                    var dayTrades = broker.DayTradesSince(sessions[Math.Max(0, sessions.Count - 5)]);
                    var refusal = risk.Check(portfolio, symbol, bar, side, quantity, symbols, broker, now, peaks, session, dayTrades);
                    if (refusal is not null)
                    {
                        refusals.Add(refusal);
                    }
                    else if (closing && options.Portfolio.FlattenAtSessionClose)
                    {
                        broker.SellAtClose(symbol, quantity, bar, session);
                    }
                    else
                    {
                        symbol.Pending = new PendingOrder(side, quantity, bar.Close, side == OrderSide.Buy ? portfolio.ProtectionFor(bar.Close) : null);
                    }
                }
            }

            // (c) one equity row per bar time, after its last bar.
            if ((step & BarStep.EndsTime) != 0)
            {
                var value = broker.Equity();
                dayPeak = Math.Max(dayPeak, value);
                allTimePeak = Math.Max(allTimePeak, value);
                equity[row++] = new EquityPoint(bar.Start, broker.Book.Cash, broker.SharesHeld(), value);
            }

            if (progress is not null && (i + 1) % ProgressEvery == 0)
            {
                progress(i + 1, bars.Length);
            }
        }

        progress?.Invoke(bars.Length, bars.Length);
        var trades = broker.Trades.ToArray();
        var summary = PerformanceStatistics.Summarise(options.InitialCash, equity, trades, prepared.Sessions);
        return new BacktestResult(prepared.Symbols, trades, equity, summary, refusals);
    }
}
