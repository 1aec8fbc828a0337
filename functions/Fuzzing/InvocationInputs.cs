using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Invocation bodies for one function, as the Functions host would POST them to <c>/{FunctionName}</c>, and
/// worse: pure garbage, malformed envelopes around a valid message, valid envelopes around mutated messages
/// (the desk's own messages, bent), and some untouched valid ones so the accepting path is exercised too.
/// </summary>
public static class InvocationInputs
{
    public static byte[] Next(FunctionDefinition function, FuzzRandom random, DateTimeOffset now)
    {
        var roll = random.Next(20);
        if (roll < 4)
        {
            return random.Draw(FuzzValues.GarbageBytes);
        }

        if (roll < 7)
        {
            return Bytes(JsonMutator.Mutate(Envelope(function, ValidText(function, random), random, now), random));
        }

        if (roll < 8)
        {
            return Bytes(FuzzValues.Text(Envelope(function, random.Draw(FuzzValues.NastyString), random, now)));
        }

        if (roll < 9)
        {
            return Bytes(FuzzValues.Text(Envelope(function, ValidText(function, random), random, now)));
        }

        // The bulk: a well-formed envelope carrying a structure-aware mutation of a valid message.
        var message = MutatedText(function, random);
        return Bytes(FuzzValues.Text(Envelope(function, message, random, now)));
    }

    /// <summary>The envelope the host would send for this message text (a queue message, a timer tick, an HTTP request).</summary>
    public static JsonObject Envelope(FunctionDefinition function, string messageText, FuzzRandom random, DateTimeOffset now)
    {
        var binding = function.Trigger.Name;
        // Queue storage carries UTF-8: a lone surrogate cannot reach the handler as message text.
        messageText = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(messageText));
        return function.Kind switch
        {
            TriggerKind.Queue => InvocationPayloads.Queue(function.Name, binding,
                new QueueDelivery(messageText, "msg-" + random.Next(1000), "pop", 1 + random.Next(6), now, null, null), now),
            TriggerKind.Timer => InvocationPayloads.Timer(function.Name, binding, random.Chance(20), now.AddMinutes(-1), now.AddMinutes(1), random.Chance(50), now),
            _ => InvocationPayloads.Http(function.Name, binding,
                new HttpEnvelopeRequest("http://127.0.0.1/api/" + function.HttpRoute.Replace("{*path}", messageText, StringComparison.Ordinal), random.Chance(80) ? "GET" : random.Draw(FuzzValues.NastyString),
                    new Dictionary<string, string> { [random.Draw(FuzzValues.NastyString)] = random.Draw(FuzzValues.NastyString) },
                    new Dictionary<string, string> { ["Content-Type"] = "application/json" }, messageText), now),
        };
    }

    private static string ValidText(FunctionDefinition function, FuzzRandom random) =>
        ValidMessages.ByFunction.TryGetValue(function.Name, out var valid) ? FuzzValues.Text(random.Pick(valid)) : "";

    private static string MutatedText(FunctionDefinition function, FuzzRandom random) =>
        ValidMessages.ByFunction.TryGetValue(function.Name, out var valid)
            ? JsonMutator.Mutate(random.Pick(valid), random)
            : random.Chance(50) ? "data/" + random.Draw(FuzzValues.NastyString) : random.Draw(FuzzValues.NastyString);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
