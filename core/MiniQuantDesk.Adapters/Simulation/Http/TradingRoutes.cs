using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>Account, clock, calendar, positions and FILL activities (spec §3, §8, §9).</summary>
internal static class TradingRoutes
{
    public const int MaxActivityPageSize = 100;

    public static SimResponse? Handle(SimExchange exchange, SimRequest request, DateTimeOffset createdAt)
    {
        var (method, path) = (request.Method, request.Path);
        return (method, path) switch
        {
            ("GET", "/v2/account") => SimResponse.Json(200, w => AlpacaWire.Account(w, exchange, createdAt)),
            ("GET", "/v2/clock") => Clock(exchange, request.Now),
            ("GET", "/v2/calendar") => Calendar(exchange, request),
            ("GET", "/v2/positions") => SimResponse.Json(200, w =>
            {
                w.WriteStartArray();
                foreach (var holding in exchange.Book.Holdings)
                {
                    AlpacaWire.Position(w, exchange, holding);
                }

                w.WriteEndArray();
            }),
            ("DELETE", "/v2/positions") => CloseAll(exchange, request.Flag("cancel_orders")),
            ("GET", "/v2/account/activities") => Activities(exchange, request, request.List("activity_types")),
            _ when path.StartsWith("/v2/positions/", StringComparison.Ordinal) => Position(exchange, request, Uri.UnescapeDataString(path["/v2/positions/".Length..])),
            ("GET", _) when path.StartsWith("/v2/account/activities/", StringComparison.Ordinal) =>
                Activities(exchange, request, [path["/v2/account/activities/".Length..]]),
            _ => null,
        };
    }

    private static SimResponse Clock(SimExchange exchange, DateTimeOffset now) => SimResponse.Json(200, w =>
    {
        w.WriteStartObject();
        w.WriteString("timestamp", EasternTime.Format(now));
        w.WriteBoolean("is_open", exchange.Calendar.IsOpen(now));
        WriteEastern(w, "next_open", exchange.Calendar.NextOpen(now));
        WriteEastern(w, "next_close", exchange.Calendar.NextClose(now));
        w.WriteEndObject();
    });

    private static void WriteEastern(Utf8JsonWriter w, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            w.WriteString(name, EasternTime.Format(value));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Trading days from start to end inclusive (defaults: today and 31 days on); holidays absent.</summary>
    private static SimResponse Calendar(SimExchange exchange, SimRequest request)
    {
        var today = NewYorkTime.SessionDate(request.Now);
        var (start, startError) = Date(request, "start", today);
        var (end, endError) = Date(request, "end", start.AddDays(31));
        if ((startError ?? endError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        return SimResponse.Json(200, w =>
        {
            w.WriteStartArray();
            for (var date = start; date <= end; date = date.AddDays(1))
            {
                if (exchange.Calendar.SessionOn(date) is { } session)
                {
                    w.WriteStartObject();
                    w.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("open", EasternTime.WallClock(session.OpenUtc));
                    w.WriteString("close", EasternTime.WallClock(session.CloseUtc));
                    w.WriteString("session_open", "0400");
                    w.WriteString("session_close", "2000");
                    w.WriteString("settlement_date", date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
        });
    }

    private static (DateOnly Value, string? Error) Date(SimRequest request, string name, DateOnly fallback)
    {
        if (request.Q(name) is not { } text)
        {
            return (fallback, null);
        }

        return DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (fallback, $"invalid {name}: '{text}' (YYYY-MM-DD)");
    }

    private static SimResponse? Position(SimExchange exchange, SimRequest request, string symbol)
    {
        if (request.Method == "GET")
        {
            return exchange.Book.HoldingOf(symbol) is { } holding
                ? SimResponse.Json(200, w => AlpacaWire.Position(w, exchange, holding))
                : SimResponse.NotFound("position does not exist");
        }

        if (request.Method != "DELETE")
        {
            return null;
        }

        var (qty, qtyError) = request.Decimal("qty");
        var (percentage, percentageError) = request.Decimal("percentage");
        if ((qtyError ?? percentageError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        var (order, closeError) = exchange.ClosePosition(symbol, qty, percentage);
        return closeError is not null ? SimResponse.Error(closeError) : SimResponse.Json(200, w => AlpacaWire.Order(w, order!, nested: false));
    }

    private static SimResponse CloseAll(SimExchange exchange, bool cancelOrders)
    {
        var results = exchange.CloseAllPositions(cancelOrders);
        return SimResponse.Json(207, w =>
        {
            w.WriteStartArray();
            foreach (var (symbol, order, error) in results)
            {
                w.WriteStartObject();
                w.WriteString("symbol", symbol);
                w.WriteNumber("status", error?.Status ?? 200);
                w.WritePropertyName("body");
                if (order is not null)
                {
                    AlpacaWire.Order(w, order, nested: false);
                }
                else
                {
                    AlpacaWire.Error(w, error!);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// FILL activities (the only kind the simulated account has): <c>date</c> or <c>after</c>/<c>until</c> (exclusive),
    /// <c>direction</c> (default desc), <c>page_size</c> (1–100, default 100), <c>page_token</c> = the id of the last item
    /// of the previous page.
    /// </summary>
    private static SimResponse Activities(SimExchange exchange, SimRequest request, IReadOnlyList<string> types)
    {
        var (after, afterError) = request.Instant("after");
        var (until, untilError) = request.Instant("until");
        var (pageSize, sizeError) = request.Int("page_size", MaxActivityPageSize, 1, MaxActivityPageSize);
        var (date, dateError) = request.Q("date") is null ? (default, null) : Date(request, "date", default);
        var direction = request.Q("direction") ?? "desc";
        if ((afterError ?? untilError ?? sizeError ?? dateError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        if (direction is not ("asc" or "desc"))
        {
            return SimResponse.Invalid($"invalid direction: '{direction}' (asc or desc)");
        }

        var wantsFills = types.Count == 0 || types.Any(t => string.Equals(t, "FILL", StringComparison.OrdinalIgnoreCase));
        var selected = (wantsFills ? exchange.Fills : [])
            .Where(f => after is null || f.TransactionTime > after)
            .Where(f => until is null || f.TransactionTime < until)
            .Where(f => request.Q("date") is null || NewYorkTime.SessionDate(f.TransactionTime) == date)
            .ToList();
        if (direction == "desc")
        {
            selected.Reverse();
        }

        if (request.Q("page_token") is { } token)
        {
            var index = selected.FindIndex(f => f.Id == token);
            if (index < 0)
            {
                return SimResponse.Invalid($"invalid page_token: '{token}'");
            }

            selected = selected.Skip(index + 1).ToList();
        }

        var page = selected.Take(pageSize).ToList();
        return SimResponse.Json(200, w =>
        {
            w.WriteStartArray();
            foreach (var fill in page)
            {
                AlpacaWire.Fill(w, fill);
            }

            w.WriteEndArray();
        });
    }
}
