using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Functions.Broker;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// Reads storage and the broker (all at once, each broker call allowed to fail on its own) and builds the
/// dashboard's snapshot. Snapshots are shared for <see cref="CacheFor"/> so that several open pages cost the
/// broker no more than one: the broker's rate limit belongs to trading.
/// </summary>
public sealed class DashboardReadModel(
    DeskStateStore state,
    RiskStateStore riskState,
    OrderStore orders,
    ExposureReservations reservations,
    DeskHistory history,
    BrokerClients broker,
    IShadowScores shadow,
    DeskSettings settings,
    TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long At, JsonObject Snapshot)? _last;

    public string BrokerMode => settings.Broker.TradingBaseUrl.IsLoopback ? "Simulated" : settings.Alpaca.Mode.ToString();

    public async Task<JsonObject> SnapshotAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && TimeProvider.System.GetElapsedTime(last.At) < CacheFor)
            {
                return last.Snapshot;
            }

            var snapshot = DashboardSnapshot.Build(await ReadAsync(ct), settings.Risk, BrokerMode);
            _last = (TimeProvider.System.GetTimestamp(), snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<DeskReadings> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var flags = state.ReadFlagsAsync(ct);
        var lastTick = state.ReadLastTickAsync(ct);
        var risk = riskState.ReadAsync(ct);
        var known = orders.ListAsync(ct);
        var reserved = reservations.ReadAsync(ct);
        var log = history.LogAsync(now, ct);
        var account = Broker(c => c.GetAccountAsync(ct));
        var positions = Broker(c => c.ListPositionsAsync(ct));
        var clock = Broker(c => c.GetClockAsync(ct));
        var open = Broker(c => c.ListOrdersAsync(new AlpacaOrderQuery { Status = "open", Limit = 500 }, ct));
        var scores = shadow.ReadAsync(now, ct);
        var symbols = settings.Desk.Symbols;
        var today = symbols.ToDictionary(s => s, s => history.TodayAsync(s, now, ct), StringComparer.Ordinal);
        await Task.WhenAll(flags, lastTick, risk, known, reserved, log, account, positions, clock, open, scores, Task.WhenAll(today.Values));

        var dayPrices = today.ToDictionary(t => t.Key, t => (IReadOnlyList<PricePoint>)[.. t.Value.Result.Select(b => new PricePoint(b.Start.AddMinutes(1), b.Close))], StringComparer.Ordinal);
        var lastBars = new Dictionary<string, Bar?>(StringComparer.Ordinal);
        foreach (var (symbol, bars) in today)
        {
            lastBars[symbol] = bars.Result.Count > 0 ? bars.Result[^1] : await EarlierBarAsync(symbol, now, ct);
        }

        var readings = new DeskReadings
        {
            Now = now,
            Flags = flags.Result,
            LastTick = lastTick.Result,
            Risk = risk.Result,
            Orders = known.Result,
            Log = log.Result,
            Reserved = reserved.Result,
            Account = account.Result,
            Positions = positions.Result,
            Clock = clock.Result,
            OpenBrokerOrders = open.Result,
            LastBars = lastBars,
            DayPrices = dayPrices,
            PastCloses = [],
            Shadow = scores.Result,
        };
        return readings with { PastCloses = await PastClosesAsync(readings, ct) };
    }

    /// <summary>For each earlier session since the log begins, the closes of the symbols the account held at its close.</summary>
    private async Task<IReadOnlyList<SessionClose>> PastClosesAsync(DeskReadings r, CancellationToken ct)
    {
        if (r.Account.Value is null || r.Positions.Value is not { } positions || r.Log.Count == 0)
        {
            return [];
        }

        var firstLogged = r.Log.Select(e => DateTimeOffset.TryParse(e["at"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : r.Now).Min();
        var fills = EquityView.Fills(r.Log, r.Orders.ToDictionary(o => o.Record.ClientOrderId, o => o.Record, StringComparer.Ordinal));
        var closes = new List<SessionClose>();
        foreach (var session in history.EarlierSessions(r.Now).Where(s => s.CloseUtc >= firstLogged))
        {
            var held = positions.GroupBy(p => p.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Qty), StringComparer.Ordinal);
            foreach (var fill in fills.Where(f => f.At > session.CloseUtc))
            {
                held[fill.Symbol] = held.GetValueOrDefault(fill.Symbol) - fill.SignedQuantity;
            }

            var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var symbol in held.Where(h => h.Value != 0m).Select(h => h.Key))
            {
                if (await history.CloseBarAsync(symbol, session, ct) is { } bar)
                {
                    prices[symbol] = bar.Close;
                }
            }

            closes.Add(new SessionClose(session.Date, session.CloseUtc, prices));
        }

        return closes;
    }

    private async Task<Bar?> EarlierBarAsync(string symbol, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var session in history.EarlierSessions(now).Reverse().Take(5))
        {
            if (await history.CloseBarAsync(symbol, session, ct) is { } bar)
            {
                return bar;
            }
        }

        return null;
    }

    private async Task<Reading<T>> Broker<T>(Func<AlpacaTradingClient, Task<T>> call)
        where T : class
    {
        try
        {
            return Reading<T>.Of(await call(broker.Trading));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = ex.Message;
            var end = message.IndexOfAny(['\r', '\n']);
            return Reading<T>.Failed($"{ex.GetType().Name}: {(end < 0 ? message : message[..end])}");
        }
    }
}
