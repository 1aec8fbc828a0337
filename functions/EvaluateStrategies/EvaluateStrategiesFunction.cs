using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;
using MiniQuantDesk.Functions.BarPoll;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.Orders;

namespace MiniQuantDesk.Functions.EvaluateStrategies;

/// <summary>
/// One tick: for each symbol with a new bar, replay the stored window through the indicators and strategies,
/// let the portfolio net their signals against what is held and in flight, and send the resulting intents
/// (deterministic ids) to PlaceOrder. The sleeves it starts from are those from before this minute, so a
/// repeated tick decides the same again.
/// </summary>
public sealed class EvaluateStrategiesFunction(BarStore bars, OrderStore orders, SleeveStore sleeves, BrokerClients broker, DeskSettings settings) : IQueueFunction
{
    private static readonly UsEquityCalendar Calendar = UsEquityCalendar.Bundled();

    public string Name => "EvaluateStrategies";

    public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
    {
        var tick = BarTick.Parse(message);
        var state = await sleeves.ReadAsync(cancellationToken);
        if (state.BaseFor(tick.Minute) is not { } before)
        {
            context.Log($"tick {tick.Minute:O} is older than the last one processed ({state.Minute:O}): ignored");
            return;
        }

        var symbols = settings.Desk.Symbols;
        var strategies = settings.Desk.Strategies;
        var portfolio = new PortfolioManager(strategies, symbols, settings.Portfolio);
        Restore(portfolio, before);
        var account = await broker.Trading.GetAccountAsync(cancellationToken);
        var holdings = await HoldingsAsync(cancellationToken);

        foreach (var symbol in tick.Symbols.Where(s => symbols.Contains(s, StringComparer.Ordinal)))
        {
            var window = await bars.ReadSinceAsync(symbol, tick.Minute.AddDays(-4), cancellationToken);
            if (window.Count == 0 || window[^1].Start != tick.Minute)
            {
                context.Logger.LogWarning("{Symbol}: no stored bar for {Minute:O}; skipped this minute", symbol, tick.Minute);
                continue;
            }

            var bar = window[^1];
            var signals = SignalReplay.AtLastBar(window, strategies, settings.Strategies);
            var intent = portfolio.Decide(bar, signals, holdings.GetValueOrDefault(symbol), account.Equity, IsSessionClosing(bar));
            if (intent is not null)
            {
                context.Enqueue("intents", OrderIntentMessage.ToJson(intent));
            }

            context.Log($"{symbol} {bar.Start:HH:mm} signals {string.Join("/", signals)}" + (intent is null ? string.Empty : $" → {intent.Side} {intent.Quantity} ({intent.IntentId})"));
        }

        if (!await sleeves.TryWriteAsync(state, tick.Minute, before, Snapshot(portfolio), cancellationToken))
        {
            throw new ConcurrencyConflictException("portfolio sleeves"); // retried: the redo starts from the same sleeves
        }
    }

    /// <summary>Held at the broker plus what open orders will still add or remove.</summary>
    private async Task<Dictionary<string, decimal>> HoldingsAsync(CancellationToken ct)
    {
        var held = (await broker.Trading.ListPositionsAsync(ct)).ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.Ordinal);
        foreach (var open in await orders.ListOpenAsync(ct))
        {
            var remaining = open.Record.Side == OrderSide.Buy ? open.Record.RemainingQuantity : -open.Record.RemainingQuantity;
            held[open.Record.Symbol] = held.GetValueOrDefault(open.Record.Symbol) + remaining;
        }

        return held;
    }

    /// <summary>The last minute of the session (an early close included), from the exchange calendar.</summary>
    private static bool IsSessionClosing(Bar bar) =>
        Calendar.SessionFor(bar.Start) is { } session && bar.Start.AddMinutes(1) >= session.CloseUtc;

    private static void Restore(PortfolioManager portfolio, IReadOnlyDictionary<string, decimal> stored)
    {
        for (var k = 0; k < portfolio.Strategies.Count; k++)
        {
            for (var s = 0; s < portfolio.Symbols.Count; s++)
            {
                portfolio.RestoreSleeve(k, s, stored.GetValueOrDefault(SleeveStore.Key(portfolio.Strategies[k], portfolio.Symbols[s])));
            }
        }
    }

    private static Dictionary<string, decimal> Snapshot(PortfolioManager portfolio)
    {
        var sleeves = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var k = 0; k < portfolio.Strategies.Count; k++)
        {
            for (var s = 0; s < portfolio.Symbols.Count; s++)
            {
                var shares = portfolio.Sleeve(k, s);
                if (shares != 0m)
                {
                    sleeves[SleeveStore.Key(portfolio.Strategies[k], portfolio.Symbols[s])] = shares;
                }
            }
        }

        return sleeves;
    }
}
