using System.Text;
using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Structure-aware mutation of a valid message: one to three edits of its JSON tree (drop, retype, blank or
/// enlarge a field, rename its case, add a stranger, nest it) and sometimes a text edit on top (duplicate key,
/// truncation, a flipped character, double encoding). Most results still parse, so they reach the checks
/// behind the first parse.
/// </summary>
public static class JsonMutator
{
    public static string Mutate(JsonNode valid, FuzzRandom random)
    {
        var node = valid.DeepClone();
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            node = MutateTree(node, random);
        }

        var text = FuzzValues.Text(node);
        return random.Chance(25) ? MutateText(text, random) : text;
    }

    private static JsonNode? MutateTree(JsonNode? node, FuzzRandom random)
    {
        if (node is JsonObject obj && obj.Count > 0 && random.Chance(85))
        {
            var keys = obj.Select(p => p.Key).ToList();
            var key = random.Pick(keys);
            switch (random.Next(8))
            {
                case 0:
                    obj.Remove(key);
                    break;
                case 1:
                    obj[key] = random.Draw(FuzzValues.Json);
                    break;
                case 2:
                    obj[key] = random.Draw(FuzzValues.Scalar);
                    break;
                case 3:
                    obj[key] = Nudge(obj[key], random);
                    break;
                case 4:
                    var value = obj[key]?.DeepClone();
                    obj.Remove(key);
                    obj[key.Length == 0 ? "_" : random.Chance(50) ? key.ToUpperInvariant() : char.ToUpperInvariant(key[0]) + key[1..]] = value;
                    break;
                case 5:
                    obj[random.Draw(FuzzValues.NastyString)] = random.Draw(FuzzValues.Json);
                    break;
                case 6:
                    obj[key] = MutateTree(obj[key]?.DeepClone(), random);
                    break;
                default:
                    obj[key] = new JsonArray(obj[key]?.DeepClone());
                    break;
            }

            return obj;
        }

        if (node is JsonArray array && array.Count > 0 && random.Chance(70))
        {
            var at = random.Next(array.Count);
            array[at] = random.Chance(50) ? random.Draw(FuzzValues.Json) : MutateTree(array[at]?.DeepClone(), random);
            return array;
        }

        return random.Next(4) switch
        {
            0 => new JsonArray(node?.DeepClone()),
            1 => JsonValue.Create(FuzzValues.Text(node)),
            2 => random.Draw(FuzzValues.Json),
            _ => Nudge(node, random),
        };
    }

    /// <summary>A near miss of the same kind: a string blanked, enlarged or retyped; a number pushed to an edge.</summary>
    private static JsonNode? Nudge(JsonNode? node, FuzzRandom random)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return random.Next(6) switch
            {
                0 => JsonValue.Create(""),
                1 => JsonValue.Create(s + new string('9', 1 + random.Next(60))),
                2 => JsonValue.Create("-" + s),
                3 => JsonValue.Create(s.Length > 1 ? s[..random.Next(s.Length)] : "\u0000"),
                4 => JsonValue.Create(s.ToLowerInvariant() + " "),
                _ => random.Draw(FuzzValues.NastyNumber),
            };
        }

        return random.Chance(50) ? random.Draw(FuzzValues.NastyNumber) : random.Draw(FuzzValues.Scalar);
    }

    private static string MutateText(string text, FuzzRandom random)
    {
        if (text.Length == 0)
        {
            return "{";
        }

        var at = random.Next(text.Length);
        return random.Next(5) switch
        {
            0 => text[..at],
            1 => text[..at] + (char)random.Next(128) + text[(at + 1)..],
            2 => text.StartsWith('{') && text.IndexOf(',', StringComparison.Ordinal) is > 1 and var comma
                ? "{" + text[1..comma] + "," + text[1..] // the first property twice
                : text + text,
            3 => System.Text.Json.JsonSerializer.Serialize(text, Hosting.Invocation.InvocationJsonContext.Default.String),
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
        };
    }
}
