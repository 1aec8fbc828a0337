using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Simulation.Discord;
using NSec.Cryptography;

namespace MiniQuantDesk.Tests.Functions.Discord;

/// <summary>
/// Plays Discord: signs interaction bodies with the spec §6 test key (seed = SHA-256 of
/// "miniquantdesk-discord-test-key", published there) and builds the interaction JSON Discord sends.
/// </summary>
public static class InteractionSigner
{
    public const string SpecPublicKey = "3bc984696c7020b60ae6fac208fe59383e00233d6a755c469d268179398c1a02";
    public const string SpecTimestamp = "1735689600";
    public const string SpecBody = """{"type":1,"id":"1234567890","application_id":"1122334455","token":"tok","version":1}""";
    public const string SpecSignature = "fdbe0cb18085fb6f7ec1fd595ffa8c808adc6b1b030f65f01e344d232f0b97f1c4d0af2ce6787ddd2c0a3d8487b8081ec966fee1fa374825f42515d3766d8104";
    public const string ApplicationId = "775799577604522054";
    public const string Trader = "53908232506183680";
    public const string Stranger = "99999999999999999";

    private static readonly Key SpecKey = Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData("miniquantdesk-discord-test-key"u8), KeyBlobFormat.RawPrivateKey);

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body, Key? key = null) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key ?? SpecKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    public static Key OtherKey() => Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    public static byte[] Command(string name, string user = Trader, string? sub = null, params (string Name, string Value)[] options)
    {
        var opts = new JsonArray();
        foreach (var (n, v) in options)
        {
            opts.Add(new JsonObject { ["name"] = n, ["type"] = 3, ["value"] = v });
        }

        var data = new JsonObject { ["id"] = "771825006014889984", ["name"] = name, ["type"] = 1 };
        data["options"] = sub is null ? opts : new JsonArray(new JsonObject { ["name"] = sub, ["type"] = 1, ["options"] = opts });
        return Interaction(2, user, data);
    }

    public static byte[] Click(string customId, string user = Trader) =>
        Interaction(3, user, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    private static byte[] Interaction(int type, string user, JsonObject data) => Encoding.UTF8.GetBytes(SimulatedInteraction.Build(
        type, ApplicationId, user, data, "7860087297" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        "interaction-token-" + Guid.NewGuid().ToString("N")).ToJsonString());
}
