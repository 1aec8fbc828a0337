using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
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
public sealed class EvaluateStrategiesFunction(BarStore bars, SleeveStore sleeves, BrokerClients broker, IShadowPredictor shadow, Discord.State.StrategySwitchStore switches, DeskSettings settings) : IQueueFunction
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
        var disabled = await switches.ReadDisabledAsync(cancellationToken);
        var holdings = await HoldingsAsync(cancellationToken);

        var shadowWork = new List<(string Symbol, IReadOnlyList<Bar> Window)>();
        foreach (var symbol in tick.Symbols.Where(s => symbols.Contains(s, StringComparer.Ordinal)))
        {
            var window = await bars.ReadSinceAsync(symbol, WindowStart(tick.Minute), cancellationToken);
            if (window.Count == 0 || window[^1].Start != tick.Minute)
            {
                context.Logger.LogWarning("{Symbol}: no stored bar for {Minute:O}; skipped this minute", symbol, tick.Minute);
                continue;
            }

            var bar = window[^1];
            var signals = SignalReplay.AtLastBar(window, strategies, settings.Strategies);
            for (var k = 0; k < signals.Length; k++)
            {
                // A strategy switched off by a person (/strategy disable) opens nothing; its exits still pass.
                if (signals[k] == SignalKind.Buy && disabled.Contains(strategies[k]))
                {
                    signals[k] = SignalKind.None;
                }
            }

            var intent = portfolio.Decide(bar, signals, holdings.GetValueOrDefault(symbol), account.Equity, IsSessionClosing(bar));
            if (intent is not null)
            {
                context.Enqueue("intents", OrderIntentMessage.ToJson(intent));
            }

            context.Log($"{symbol} {bar.Start:HH:mm} signals {string.Join("/", signals)}" + (intent is null ? string.Empty : $" → {intent.Side} {intent.Quantity} ({intent.IntentId})"));
            shadowWork.Add((symbol, window));
        }

        // Shadow models run after the decision and off the order path: the intents leave as soon as this
        // function returns, and a slow or failing model can neither delay nor change them.
        StartShadow(shadowWork, tick.Minute, context.Logger);

        if (!await sleeves.TryWriteAsync(state, tick.Minute, before, Snapshot(portfolio), cancellationToken))
        {
            throw new ConcurrencyConflictException("portfolio sleeves"); // retried: the redo starts from the same sleeves
        }
    }

    /// <summary>
    /// Shadow models see the same windows after the decision, in the background with their own time limit; a
    /// prediction lost to an instance being recycled is a missing log line, never a missing order.
    /// </summary>
    private void StartShadow(List<(string Symbol, IReadOnlyList<Bar> Window)> work, DateTimeOffset minute, ILogger logger)
    {
        if (work.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var (symbol, window) in work)
            {
                try
                {
                    await shadow.PredictAsync(symbol, window, minute, limit.Token);
                }
                catch (Exception ex)
                {
                    logger.LogWarning("Shadow models failed for {Symbol} at {Minute:O} (orders unaffected): {Error}", symbol, minute, ex.Message);
                }
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Held at the broker plus what the broker's open orders will still add or remove. Both come from the
    /// broker in the same minute: the desk's own records may lag a fill the position already shows.
    /// Intents not yet at the broker are covered by PlaceOrder's reservations and risk checks.
    /// </summary>
    private async Task<Dictionary<string, decimal>> HoldingsAsync(CancellationToken ct)
    {
        var positions = broker.Trading.ListPositionsAsync(ct);
        var open = broker.Trading.ListOrdersAsync(new AlpacaOrderQuery { Status = "open", Limit = 500 }, ct);
        await Task.WhenAll(positions, open);
        var held = positions.Result.ToDictionary(p => p.Symbol, p => p.Qty, StringComparer.Ordinal);
        // Protective legs wait "held" until their entry fills; they are exits of a position not yet there.
        foreach (var order in open.Result.Where(o => o.Qty is not null && o.Status != "held"))
        {
            var remaining = order.Qty!.Value - order.FilledQty;
            held[order.Symbol] = held.GetValueOrDefault(order.Symbol) + (string.Equals(order.Side, "sell", StringComparison.OrdinalIgnoreCase) ? -remaining : remaining);
        }

        return held;
    }

    /// <summary>
    /// The replay starts at the previous session's open: enough for every warm-up (the slowest needs 35 bars),
    /// for windows that continue across the night as in the backtest, and for the session VWAP.
    /// </summary>
    private static DateTimeOffset WindowStart(DateTimeOffset minute)
    {
        var day = MiniQuantDesk.Domain.MarketData.NewYorkTime.SessionDate(minute);
        for (var back = 1; back <= 10; back++)
        {
            if (Calendar.SessionOn(day.AddDays(-back)) is { } previous)
            {
                return previous.OpenUtc;
            }
        }

        return minute.AddDays(-4);
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
