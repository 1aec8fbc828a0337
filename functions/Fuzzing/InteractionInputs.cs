using MiniQuantDesk.Adapters.Simulation.Discord;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Adapters.Discord.Signatures;
using NSec.Cryptography;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>
/// Discord interaction bodies: PINGs, every slash command of <see cref="DeskCommands.All"/> with fuzzed options and
/// button clicks, mutated; signed with the published test key (seed = SHA-256 of "miniquantdesk-discord-test-key",
/// specs §6) so the fuzz reaches the command parser, or signed wrongly so it tests the gate.
/// </summary>
public static class InteractionInputs
{
    public const string PublicKey = "3bc984696c7020b60ae6fac208fe59383e00233d6a755c469d268179398c1a02";
    public const string ApplicationId = "775799577604522054";
    public const string Trader = "53908232506183680";

    private static readonly Key TestKey = Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData("miniquantdesk-discord-test-key"u8), KeyBlobFormat.RawPrivateKey);

    /// <summary>The signature headers for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static Dictionary<string, string> Signed(string timestamp, byte[] body) => new()
    {
        [DiscordSignatureVerifier.TimestampHeader] = timestamp,
        [DiscordSignatureVerifier.SignatureHeader] = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(TestKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body])),
    };

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid interaction of a random kind, from the trader or a stranger.</summary>
    public static JsonObject Valid(FuzzRandom random)
    {
        var user = random.Chance(85) ? Trader : "99999999999999999";
        return random.Next(10) switch
        {
            0 => Interaction(1, user, null),
            1 => Interaction(3, user, new JsonObject { ["custom_id"] = random.Chance(50) ? "kill:confirm" : random.Draw(FuzzValues.NastyString), ["component_type"] = 2 }),
            _ => Interaction(2, user, Command(random.Pick(DeskCommands.All), random)),
        };
    }

    private static JsonObject Command(DeskCommand command, FuzzRandom random)
    {
        var data = new JsonObject { ["id"] = "771825006014889984", ["name"] = command.Name, ["type"] = 1, ["options"] = Options(command.Options, random) };
        return data;
    }

    private static JsonArray Options(IReadOnlyList<DeskCommandOption> options, FuzzRandom random)
    {
        var result = new JsonArray();
        var subs = options.Where(o => o.Type == CommandOptionType.SubCommand).ToList();
        if (subs.Count > 0)
        {
            var sub = random.Pick(subs);
            result.Add(new JsonObject { ["name"] = sub.Name, ["type"] = 1, ["options"] = Options(sub.Options ?? [], random) });
            return result;
        }

        foreach (var option in options.Where(o => o.Required || random.Chance(50)))
        {
            JsonNode? value = option.Choices is { Count: > 0 } choices && random.Chance(70)
                ? JsonValue.Create(random.Pick(choices))
                : option.Type is CommandOptionType.Integer or CommandOptionType.Number ? random.Draw(FuzzValues.NastyNumber) : JsonValue.Create(random.Draw(FuzzValues.NastyString));
            result.Add(new JsonObject { ["name"] = option.Name, ["type"] = (int)option.Type, ["value"] = value });
        }

        return result;
    }

    private static JsonObject Interaction(int type, string user, JsonObject? data) =>
        SimulatedInteraction.Build(type, ApplicationId, user, data, "786008729715212345", "interaction-token-fuzz");
}
