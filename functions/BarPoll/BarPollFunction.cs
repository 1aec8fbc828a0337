using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.BarPoll;

/// <summary>
/// Every minute: if the broker says the market is open, fetch the latest 1-minute bars for all symbols in
/// one request, keep the completed and valid ones, store them, note the tick and wake EvaluateStrategies.
/// </summary>
public sealed class BarPollFunction(BrokerClients broker, BarStore bars, DeskStateStore state, DeskSettings settings, TimeProvider time) : ITimerFunction
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Lookback = TimeSpan.FromMinutes(30);
    private static readonly UsEquityCalendar Calendar = UsEquityCalendar.Bundled();

    public string Name => "BarPoll";

    public async Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken)
    {
        var clock = await broker.Trading.GetClockAsync(cancellationToken);
        if (!clock.IsOpen)
        {
            context.Log($"market closed (next open {clock.NextOpen:O}); nothing to poll");
            return;
        }

        var now = time.GetUtcNow();
        var symbols = settings.Desk.Symbols;
        var last = await LastAcceptedAsync(symbols, now, cancellationToken);
        var from = last.Count == symbols.Count ? last.Values.Min(b => b.Start) : now - Lookback;
        var fetched = await broker.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = symbols, Start = from, End = now }, cancellationToken);
        // Regular-session bars only (early closes included), as the backtest sees them: pre-market and
        // after-hours prints would make live indicators differ from the backtest's.
        var received = fetched.SelectMany(pair => pair.Value.Select(b => b.ToBar(pair.Key))).Where(b => Calendar.IsOpen(b.Start));

        var intake = BarIntake.Admit(received, last, now, new BarValidator(), Interval);
        foreach (var rejection in intake.Rejected)
        {
            context.Logger.LogWarning("{Symbol} bar {Start:O} refused ({Reason}): {Explanation}; the symbol waits for the next minute",
                rejection.Bar.Symbol, rejection.Bar.Start, rejection.Reason, rejection.Explanation);
        }

        await bars.StoreAsync(intake.Accepted, cancellationToken);
        await state.RecordTickAsync(now, cancellationToken);
        var fresh = intake.Accepted.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (fresh.Count > 0)
        {
            var minute = intake.Accepted.Max(b => b.Start);
            context.Enqueue("tick", new BarTick(minute, fresh).ToJson());
        }

        context.Log($"{intake.Accepted.Count} new bars for {string.Join(",", fresh)}; {intake.Rejected.Count} refused");
    }

    private async Task<Dictionary<string, Bar>> LastAcceptedAsync(IReadOnlyList<string> symbols, DateTimeOffset now, CancellationToken ct)
    {
        var recent = await Task.WhenAll(symbols.Select(symbol => bars.ReadSinceAsync(symbol, now - Lookback, ct)));
        return recent.Where(r => r.Count > 0).ToDictionary(r => r[^1].Symbol, r => r[^1], StringComparer.Ordinal);
    }
}
