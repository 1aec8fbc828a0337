using System.Text;
using CsCheck;
using MiniQuantDesk.Functions.Dashboard;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>The HTTP inputs of the running desk: its public endpoints through the local host, and the handler's invocation endpoint.</summary>
public static class DeskHttpInputs
{
    private static readonly Gen<string> QueryPart = Gen.Frequency(
        (3, FuzzValues.NastyString.Select(Uri.EscapeDataString)),
        (2, Gen.OneOf(Gen.Const("code"), Gen.Const("refresh"), Gen.Const("section"), Gen.Const("5"), Gen.Const("0"), Gen.Const("301"), Gen.Const("%ZZ"), Gen.Const("a=b=c"))));

    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    /// <summary>Interactions: unsigned and wrongly signed bodies, stale signatures, and correctly signed mutations of valid interactions.</summary>
    public static IEnumerable<FuzzRequest> Interactions(FuzzDesk desk, long count, FuzzRandom random)
    {
        var uri = desk.Api("discord/interactions");
        for (long i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            var body = roll < 2
                ? random.Draw(FuzzValues.GarbageBytes)
                : Encoding.UTF8.GetBytes(random.Chance(20) ? FuzzValues.Text(InteractionInputs.Valid(random)) : JsonMutator.Mutate(InteractionInputs.Valid(random), random));
            var text = HttpFuzzRunner.Text(body);
            if (roll < 3)
            {
                var headers = new Dictionary<string, string>
                {
                    ["X-Signature-Ed25519"] = random.Chance(50) ? new string('a', 128) : HeaderText(random.Draw(FuzzValues.NastyString)),
                    ["X-Signature-Timestamp"] = HeaderText(random.Draw(FuzzValues.NastyString)),
                };
                yield return new FuzzRequest($"unsigned POST {uri} {text}", () => HttpFuzzRunner.Request(HttpMethod.Post, uri, body, headers));
            }
            else if (roll < 4)
            {
                var stale = InteractionInputs.Timestamp(DateTimeOffset.UtcNow.AddHours(-1 - random.Next(100)));
                yield return new FuzzRequest($"stale-signed POST {uri} {text}", () => HttpFuzzRunner.Request(HttpMethod.Post, uri, body, InteractionInputs.Signed(stale, body)));
            }
            else
            {
                yield return new FuzzRequest($"signed POST {uri} {text}",
                    () => HttpFuzzRunner.Request(HttpMethod.Post, uri, body, InteractionInputs.Signed(InteractionInputs.Timestamp(DateTimeOffset.UtcNow), body)));
            }
        }
    }

    public static IEnumerable<FuzzRequest> Health(FuzzDesk desk, long count, FuzzRandom random)
    {
        for (long i = 0; i < count; i++)
        {
            var path = random.Next(10) switch
            {
                0 => "health/" + Uri.EscapeDataString(random.Draw(FuzzValues.NastyString)),
                1 => "HEALTH",
                _ => "health",
            };
            yield return Simple(desk, random, path + Query(random));
        }
    }

    public static IEnumerable<FuzzRequest> Dashboard(FuzzDesk desk, long count, FuzzRandom random)
    {
        for (long i = 0; i < count; i++)
        {
            var path = random.Next(6) switch
            {
                0 => "dashboard",
                1 => "dashboard/data/" + random.Pick(DashboardRequest.Sections),
                2 => "dashboard/data/" + Uri.EscapeDataString(random.Draw(FuzzValues.NastyString)),
                3 => "dashboard/" + Uri.EscapeDataString(random.Draw(FuzzValues.NastyString)) + "/" + Uri.EscapeDataString(random.Draw(FuzzValues.NastyString)),
                _ => "dashboard/" + random.Pick(["data", "assets", "data/all/x", "", "..", "%2e%2e"]),
            };
            yield return Simple(desk, random, path + Query(random));
        }
    }

    /// <summary>Invocation bodies POSTed straight to the handler's <c>/{FunctionName}</c>, as the Functions host does.</summary>
    public static IEnumerable<FuzzRequest> Invocations(FuzzDesk desk, long count, FuzzRandom random, DateTimeOffset now)
    {
        var functions = desk.App.Functions;
        for (long i = 0; i < count; i++)
        {
            var function = random.Pick(functions);
            var name = random.Chance(3) ? Uri.EscapeDataString(random.Draw(FuzzValues.NastyString)) : function.Name;
            if (function.Kind == TriggerKind.Timer && random.Chance(80))
            {
                function = random.Pick(functions.Where(f => f.Kind != TriggerKind.Timer).ToList()); // timers run whole jobs: fewer of them
                name = function.Name;
            }

            var body = InvocationInputs.Next(function, random, now);
            var uri = new Uri(desk.Handler.BaseAddress, name);
            var headers = new Dictionary<string, string> { ["X-Azure-Functions-InvocationId"] = Guid.NewGuid().ToString() };
            yield return new FuzzRequest($"POST /{name} {HttpFuzzRunner.Text(body)}", () => HttpFuzzRunner.Request(HttpMethod.Post, uri, body, headers));
        }
    }

    private static FuzzRequest Simple(FuzzDesk desk, FuzzRandom random, string pathAndQuery)
    {
        var method = new HttpMethod(random.Pick(Methods));
        var uri = desk.Api(pathAndQuery);
        var body = method == HttpMethod.Get || method == HttpMethod.Head || random.Chance(50) ? null : random.Draw(FuzzValues.GarbageBytes);
        return new FuzzRequest($"{method} {uri}", () => HttpFuzzRunner.Request(method, uri, body, null));
    }

    /// <summary>What HTTP can carry in a header value: printable ASCII (a client refuses to send the rest).</summary>
    private static string HeaderText(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    private static string Query(FuzzRandom random)
    {
        if (random.Chance(40))
        {
            return "";
        }

        var parts = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Draw(QueryPart) + "=" + random.Draw(QueryPart));
        return "?" + string.Join("&", parts);
    }
}
