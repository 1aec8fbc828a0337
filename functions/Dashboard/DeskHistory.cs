using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// What the dashboard reads from the past, cached in the process because it no longer changes: transaction-log
/// days older than yesterday, closes of earlier sessions, and today's bars (only the new ones are fetched on each
/// refresh). A restarted instance simply reads them again.
/// </summary>
public sealed class DeskHistory(StorageAccount storage, TransactionLog log, BarStore bars)
{
    public const int Days = 30;

    private readonly ConcurrentDictionary<DateOnly, IReadOnlyList<JsonObject>> _oldLogDays = new();
    private readonly ConcurrentDictionary<(DateOnly, string), Bar?> _closeBars = new();
    private readonly ConcurrentDictionary<string, (DateOnly Day, List<Bar> Bars)> _dayBars = new(StringComparer.Ordinal);
    private readonly UsEquityCalendar _calendar = UsEquityCalendar.Bundled();

    /// <summary>The transaction-log entries of the last <see cref="Days"/> UTC days, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> LogAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = Enumerable.Range(0, Days).Select(i => today.AddDays(-(Days - 1) + i)).ToList();
        var reads = days.Select(async day =>
        {
            if (_oldLogDays.TryGetValue(day, out var cached))
            {
                return cached;
            }

            var entries = await log.ReadDayAsync(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
            // Yesterday can still receive a late fill; older days are final.
            if (day < today.AddDays(-1))
            {
                _oldLogDays[day] = entries;
            }

            return entries;
        });
        var all = await Task.WhenAll(reads);
        return [.. all.SelectMany(entries => entries)];
    }

    /// <summary>Today's (New York session date) stored bars of <paramref name="symbol"/>, oldest first; fetches only bars newer than the cached ones.</summary>
    public async Task<IReadOnlyList<Bar>> TodayAsync(string symbol, DateTimeOffset now, CancellationToken ct)
    {
        var day = NewYorkTime.SessionDate(now);
        var (start, _) = NewYorkTime.DayBounds(day);
        var cached = _dayBars.TryGetValue(symbol, out var entry) && entry.Day == day ? entry.Bars : [];
        var since = cached.Count > 0 ? cached[^1].Start.AddMinutes(1) : start;
        var fresh = await bars.ReadSinceAsync(symbol, since, ct);
        var merged = cached.Concat(fresh.Where(b => b.Start <= now && NewYorkTime.SessionDate(b.Start) == day)).ToList();
        _dayBars[symbol] = (day, merged);
        return merged;
    }

    /// <summary>The last bar stored before a session's close (null when the desk stored none in its last 15 minutes).</summary>
    public async Task<Bar?> CloseBarAsync(string symbol, MarketSession session, CancellationToken ct)
    {
        if (_closeBars.TryGetValue((session.Date, symbol), out var cached))
        {
            return cached;
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {symbol} and RowKey ge {BarStore.RowKey(session.CloseUtc.AddMinutes(-15))} and RowKey lt {BarStore.RowKey(session.CloseUtc)}");
        Bar? last = null;
        try
        {
            await foreach (var e in storage.Table(DeskTables.Bars).QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                var bar = new Bar(e.PartitionKey, e.GetDateTimeOffset("Start") ?? session.CloseUtc, 0m, 0m, 0m,
                    decimal.Parse(e.GetString("Close") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture), e.GetInt64("Volume") ?? 0);
                if (last is null || bar.Start > last.Value.Start)
                {
                    last = bar;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        _closeBars[(session.Date, symbol)] = last;
        return last;
    }

    /// <summary>The sessions that closed in the last <see cref="Days"/> days before <paramref name="now"/>'s session, oldest first.</summary>
    public IReadOnlyList<MarketSession> EarlierSessions(DateTimeOffset now)
    {
        var today = NewYorkTime.SessionDate(now);
        return [.. Enumerable.Range(1, Days).Select(i => today.AddDays(-Days + i - 1))
            .Select(_calendar.SessionOn).OfType<MarketSession>().Where(s => s.CloseUtc <= now && s.Date < today)];
    }

    /// <summary>The session of <paramref name="now"/>'s day or, before it opens or on a closed day, the one before.</summary>
    public MarketSession? LatestSession(DateTimeOffset now)
    {
        var day = NewYorkTime.SessionDate(now);
        for (var i = 0; i < 10; i++)
        {
            if (_calendar.SessionOn(day.AddDays(-i)) is { } s && s.OpenUtc <= now)
            {
                return s;
            }
        }

        return null;
    }
}
