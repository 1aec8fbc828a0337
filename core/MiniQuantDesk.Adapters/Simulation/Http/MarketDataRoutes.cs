using System.Globalization;
using System.Text;
using System.Text.Json;
using MiniQuantDesk.Adapters.Simulation.Exchange;
using MiniQuantDesk.Adapters.Simulation.Replay;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>
/// Stock market data (spec §11): multi-symbol bars with page tokens, latest bars and quotes. Only bars whose minute
/// has completed at the simulated now exist here, whatever <c>end</c> asks for: there is no look-ahead.
/// </summary>
internal static class MarketDataRoutes
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10000;
    private static readonly string[] MinuteTimeframes = ["1Min", "1T", "1min"];

    public static SimResponse? Handle(SimExchange exchange, SimRequest request) => (request.Method, request.Path) switch
    {
        ("GET", "/v2/stocks/bars") => Bars(exchange.Tape, request),
        ("GET", "/v2/stocks/bars/latest") => Latest(exchange.Tape, request, "bars", WriteBar),
        ("GET", "/v2/stocks/quotes/latest") => Latest(exchange.Tape, request, "quotes", WriteQuote),
        _ => null,
    };

    private static SimResponse Bars(BarTape tape, SimRequest request)
    {
        var symbols = request.List("symbols");
        if (symbols.Count == 0)
        {
            return SimResponse.Error(SimError.BadRequest("symbols is required"));
        }

        var timeframe = request.Q("timeframe");
        if (timeframe is null || !MinuteTimeframes.Contains(timeframe))
        {
            return SimResponse.Invalid($"invalid timeframe: '{timeframe}' (the simulated market serves 1Min)");
        }

        var (start, startError) = request.Instant("start");
        var (end, endError) = request.Instant("end");
        var (limit, limitError) = request.Int("limit", DefaultLimit, 1, MaxLimit);
        var sort = request.Q("sort") ?? "asc";
        if ((startError ?? endError ?? limitError) is { } error)
        {
            return SimResponse.Invalid(error);
        }

        if (sort is not ("asc" or "desc"))
        {
            return SimResponse.Invalid($"invalid sort: '{sort}' (asc or desc)");
        }

        var from = start ?? NewYorkTime.DayBounds(NewYorkTime.SessionDate(request.Now)).StartUtc;
        var to = end ?? request.Now;
        var items = symbols.Distinct().Order(StringComparer.Ordinal)
            .SelectMany(symbol =>
            {
                var bars = tape.BarsOf(symbol).Where(b => b.Start >= from && b.Start <= to && b.Start + BarTape.BarLength <= request.Now);
                return sort == "asc" ? bars : bars.Reverse();
            })
            .ToList();

        var first = 0;
        if (request.Q("page_token") is { } token)
        {
            first = items.FindIndex(b => PageToken(b) == token);
            if (first < 0)
            {
                return SimResponse.Error(SimError.BadRequest($"invalid page_token: '{token}'"));
            }
        }

        var page = items.Skip(first).Take(limit).ToList();
        var next = first + limit < items.Count ? PageToken(items[first + limit]) : null;
        return SimResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("bars");
            foreach (var group in page.GroupBy(b => b.Symbol))
            {
                w.WriteStartArray(group.Key);
                foreach (var bar in group)
                {
                    WriteBar(w, bar);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            if (next is null)
            {
                w.WriteNull("next_page_token");
            }
            else
            {
                w.WriteString("next_page_token", next);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>The latest completed bar per symbol, as a bar or as a zero-spread quote at its close.</summary>
    private static SimResponse Latest(BarTape tape, SimRequest request, string field, Action<Utf8JsonWriter, Bar> write)
    {
        var symbols = request.List("symbols");
        if (symbols.Count == 0)
        {
            return SimResponse.Error(SimError.BadRequest("symbols is required"));
        }

        return SimResponse.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(field);
            foreach (var symbol in symbols.Distinct().Order(StringComparer.Ordinal))
            {
                if (tape.LastCompleted(symbol, request.Now) is { } bar)
                {
                    w.WritePropertyName(symbol);
                    write(w, bar);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void WriteBar(Utf8JsonWriter w, Bar bar)
    {
        w.WriteStartObject();
        w.WriteString("t", AlpacaWire.Time(bar.Start));
        w.WriteNumber("o", bar.Open);
        w.WriteNumber("h", bar.High);
        w.WriteNumber("l", bar.Low);
        w.WriteNumber("c", bar.Close);
        w.WriteNumber("v", bar.Volume);
        w.WriteEndObject();
    }

    /// <summary>The simulated market has no order book: bid = ask = the last completed close, stamped at that bar's end.</summary>
    private static void WriteQuote(Utf8JsonWriter w, Bar bar)
    {
        w.WriteStartObject();
        w.WriteString("t", AlpacaWire.Time(bar.Start + BarTape.BarLength));
        w.WriteString("ax", "V");
        w.WriteNumber("ap", bar.Close);
        w.WriteNumber("as", 1);
        w.WriteString("bx", "V");
        w.WriteNumber("bp", bar.Close);
        w.WriteNumber("bs", 1);
        w.WriteStartArray("c");
        w.WriteStringValue("R");
        w.WriteEndArray();
        w.WriteString("z", "A");
        w.WriteEndObject();
    }

    /// <summary>Opaque to clients: the symbol and start of the first bar of the next page.</summary>
    private static string PageToken(Bar bar) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(bar.Symbol + "|" + bar.Start.UtcTicks.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
