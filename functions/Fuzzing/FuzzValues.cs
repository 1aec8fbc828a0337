using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// The raw material of the campaign, as CsCheck generators: hostile strings and numbers, random JSON trees
/// and garbage bodies. Values are chosen for the ways parsers break (quotes, huge and tiny numbers, deep
/// nesting, control characters, surrogates, ISO-looking dates), not for uniform coverage.
/// </summary>
public static class FuzzValues
{
    private const string JsonAlphabet = "{}[]\":,0123456789.-+eEtrufalsn \\/\t\n\u00e9\u0000";

    public static readonly Gen<string> NastyString = Gen.Frequency(
        (3, Gen.String),
        (2, Gen.Char[JsonAlphabet].Array[0, 40].Select(c => new string(c))),
        (2, Gen.OneOf(
            Gen.Const(""), Gen.Const(" "), Gen.Const("\"\""), Gen.Const("\"quoted\""), Gen.Const("null"), Gen.Const("NaN"),
            Gen.Const("-Infinity"), Gen.Const("1e400"), Gen.Const("-0"), Gen.Const("0x10"), Gen.Const("79228162514264337593543950336"),
            Gen.Const("9223372036854775808"), Gen.Const("2025-13-45T25:61:61Z"), Gen.Const("0001-01-01T00:00:00Z"),
            Gen.Const("9999-12-31T23:59:59.9999999Z"), Gen.Const("2025-03-14T14:30:00Z"), Gen.Const("2025-03-14T14:30:00-05:00"),
            Gen.Const("\ud800"), Gen.Const("\u202e\u0000\u001f"), Gen.Const("SPY"), Gen.Const("spy"), Gen.Const("Buy"),
            Gen.Const("Limit"), Gen.Const("@Microsoft.KeyVault(SecretUri=x)"), Gen.Const("../../etc/passwd"), Gen.Const("<script>"),
            Gen.Const("true"), Gen.Const("1"), Gen.Const("-1"), Gen.Const("0"), Gen.Const("1.5"), Gen.Const("http://"),
            Gen.Const("https://127.0.0.1:1/x"), Gen.Const("ftp://example.com"), Gen.Const("%00"), Gen.Const("{}"), Gen.Const("[]"))),
        (1, Gen.Int[1, 20_000].Select(n => new string('a', n))),
        (1, Gen.Int[1, 3_000].Select(n => new string('[', n))));

    public static readonly Gen<JsonNode?> NastyNumber = Gen.OneOf<JsonNode?>(
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0.0)),
        Gen.Decimal.Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOf(Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("1e-400"), Gen.Const("79228162514264337593543950336"),
                Gen.Const("-79228162514264337593543950335"), Gen.Const("1e20"), Gen.Const("-0.0"), Gen.Const("0.0000000000000000000000000001"),
                Gen.Const("9223372036854775808"), Gen.Const("1E+28"))
            .Select(raw => (JsonNode?)JsonNode.Parse(raw)));

    public static readonly Gen<JsonNode?> Scalar = Gen.Frequency<JsonNode?>(
        (1, Gen.Bool.Select(_ => (JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, NastyNumber),
        (4, NastyString.Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>A random JSON tree: scalars, arrays and objects nested a few levels.</summary>
    public static readonly Gen<JsonNode?> Json = Gen.Recursive<JsonNode?>((depth, tree) => depth >= 3
        ? Scalar
        : Gen.Frequency<JsonNode?>(
            (4, Scalar),
            (1, tree.Array[0, 5].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.Select(NastyString.Array[0, 5], tree.Array[5], (keys, values) => (JsonNode?)ObjectOf(keys, values)))));

    /// <summary>Bytes that are not JSON at all, or barely: random bytes, invalid UTF-8, truncations, deep nesting.</summary>
    public static readonly Gen<byte[]> GarbageBytes = Gen.Frequency(
        (3, Gen.Byte.Array[0, 300]),
        (3, NastyString.Select(s => Encoding.UTF8.GetBytes(s))),
        (2, Json.Select(j => Encoding.UTF8.GetBytes(j?.ToJsonString() ?? "null"))),
        (1, Gen.OneOf(Gen.Const(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }), Gen.Const(new byte[] { 0xC3, 0x28 }),
            Gen.Const(new byte[] { 0xFF, 0xFE, 0x00 }), Gen.Const("{\"Data\":"u8.ToArray()), Gen.Const("{\"Data\":{}}"u8.ToArray()),
            Gen.Const("{\"Data\":null,\"Metadata\":7}"u8.ToArray()), Gen.Const("{\"Data\":[],\"Metadata\":{}}"u8.ToArray()))));

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject ObjectOf(string[] keys, JsonNode?[] values)
    {
        var obj = new JsonObject();
        for (var i = 0; i < keys.Length; i++)
        {
            obj[keys[i]] = values[i % Math.Max(1, values.Length)]?.DeepClone();
        }

        return obj;
    }
}
