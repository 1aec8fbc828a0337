using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Alpaca.Errors;
using MiniQuantDesk.Adapters.Alpaca.Models;
using MiniQuantDesk.Adapters.Alpaca.Requests;
using MiniQuantDesk.Domain.Calendar;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Bar JSON from the broker, in process: the real <see cref="AlpacaMarketDataClient"/> (transport, resilience,
/// JSON contract) reads a fuzzed <c>/v2/stocks/bars</c> answer from an in-memory HTTP handler, then the bars go
/// through BarPoll's intake (domain bars, session filter, <see cref="BarIntake"/> with the validator). A body that
/// is not the documented shape must be an <see cref="AlpacaException"/>; a bar that is not sane must be refused
/// with a reason; nothing may throw anything else.
/// </summary>
public static class BrokerBarsTarget
{
    public const string Name = "broker bars JSON + intake";

    private static readonly UsEquityCalendar Calendar = UsEquityCalendar.Bundled();
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 14, 35, 0, TimeSpan.Zero);

    public static async Task<FuzzTally> RunAsync(long inputs, ulong seed, CancellationToken ct)
    {
        var tally = new FuzzTally(Name);
        var random = new FuzzRandom(seed, 21);
        var answers = new CannedAnswers();
        using var http = new HttpClient(answers) { BaseAddress = new Uri("http://127.0.0.1/") };
        var options = new AlpacaOptions
        {
            KeyId = "fuzz-key", SecretKey = "fuzz-secret", DataBaseUrl = new Uri("http://127.0.0.1/"), TradingBaseUrl = new Uri("http://127.0.0.1/"),
            MaxRetries = 0, RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };
        var client = new AlpacaMarketDataClient(http, options);
        var request = new AlpacaBarsRequest { Symbols = ["SPY", "QQQ", "AAPL"], Start = Now.AddMinutes(-10), End = Now };
        tally.Start();
        for (long i = 0; i < inputs; i++)
        {
            var (status, body) = NextAnswer(random);
            answers.Set(status, body);
            try
            {
                var fetched = await client.GetBarsAsync(request, ct);
                var intake = Admit(fetched);
                if (intake.Rejected.Any(r => string.IsNullOrWhiteSpace(r.Explanation)))
                {
                    tally.RefuseUnclearly(body, "a bar was refused without an explanation");
                }
                else if (intake.Accepted.Count > 0 || intake.Rejected.Count == 0)
                {
                    tally.Accept();
                }
                else
                {
                    tally.Refuse();
                }
            }
            catch (AlpacaException ex) when (ex.Message.Length > 10)
            {
                tally.Refuse();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                tally.Crash($"{status} {body}", $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        tally.Stop();
        return tally;
    }

    /// <summary>What BarPoll does with the client's answer, in the same order.</summary>
    public static BarIntakeResult Admit(IReadOnlyDictionary<string, IReadOnlyList<AlpacaBar>> fetched)
    {
        var received = fetched.SelectMany(pair => pair.Value.Select(b => b.ToBar(pair.Key))).Where(b => Calendar.IsOpen(b.Start));
        return BarIntake.Admit(received, new Dictionary<string, Bar>(), Now, new BarValidator(), TimeSpan.FromMinutes(1));
    }

    /// <summary>A valid page of bars in the OpenAPI shape, the seed every mutation starts from.</summary>
    public static JsonObject ValidPage(int minutes = 2)
    {
        var bars = new JsonObject();
        foreach (var (symbol, price) in new[] { ("SPY", 561.25m), ("QQQ", 480.10m), ("AAPL", 213.45m) })
        {
            var list = new JsonArray();
            for (var m = 0; m < minutes; m++)
            {
                list.Add(new JsonObject
                {
                    ["t"] = Now.AddMinutes(-minutes + m).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["o"] = price, ["h"] = price + 0.3m, ["l"] = price - 0.2m, ["c"] = price + 0.1m, ["v"] = 12_345 + m, ["n"] = 120, ["vw"] = price + 0.05m,
                });
            }

            bars[symbol] = list;
        }

        return new JsonObject { ["bars"] = bars, ["next_page_token"] = null };
    }

    private static (HttpStatusCode Status, string Body) NextAnswer(FuzzRandom random)
    {
        var status = random.Chance(5) ? random.Pick([HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity]) : HttpStatusCode.OK;
        var roll = random.Next(10);
        if (roll < 2)
        {
            return (status, Encoding.UTF8.GetString(random.Draw(FuzzValues.GarbageBytes)));
        }

        var page = ValidPage(1 + random.Next(3));
        if (roll < 8)
        {
            // Mutate one bar in place, then sometimes the page around it: most answers still parse.
            var symbols = page["bars"]!.AsObject();
            var list = symbols[random.Pick(["SPY", "QQQ", "AAPL"])]!.AsArray();
            var at = random.Next(list.Count);
            list[at] = JsonNode.Parse(JsonMutator.Mutate(list[at]!, random) is var text && IsJson(text) ? text : "{}", documentOptions: Strict);
            return (status, random.Chance(30) ? JsonMutator.Mutate(page, random) : page.ToJsonString());
        }

        return (status, roll == 8 ? JsonMutator.Mutate(page, random) : page.ToJsonString());
    }

    // A duplicate key (one of the text mutations) would make the tree unusable for the next mutation.
    private static readonly System.Text.Json.JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text, documentOptions: Strict);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Answers every request with the current canned answer; a second page is always the empty last one.</summary>
    private sealed class CannedAnswers : HttpMessageHandler
    {
        private HttpStatusCode _status;
        private string _body = "";

        public void Set(HttpStatusCode status, string body) => (_status, _body) = (status, body);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var later = request.RequestUri?.Query.Contains("page_token", StringComparison.Ordinal) == true;
            var response = new HttpResponseMessage(later ? HttpStatusCode.OK : _status)
            {
                Content = new StringContent(later ? "{\"bars\":{},\"next_page_token\":null}" : _body, Encoding.UTF8, "application/json"),
            };
            return Task.FromResult(response);
        }
    }
}
