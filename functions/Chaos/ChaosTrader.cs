using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MiniQuantDesk.Adapters.Discord.Signatures;
using MiniQuantDesk.Adapters.Simulation.Discord;
using NSec.Cryptography;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The trader's phone, as Discord delivers it: application commands and button clicks signed with Ed25519 by the
/// campaign's own application key (its public half is the desk's <c>Discord:PublicKey</c>), posted to the
/// interactions endpoint over HTTP like Discord does.
/// </summary>
public sealed class ChaosTrader : IDisposable
{
    public const string ApplicationId = "775799577604522054";
    public const string UserId = "53908232506183680";
    private readonly Key _key;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public ChaosTrader(int seed)
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, SHA256.HashData(Encoding.UTF8.GetBytes($"mqd-chaos-application-{seed}")), KeyBlobFormat.RawPrivateKey);
        PublicKey = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string PublicKey { get; }

    /// <summary>Sends <c>/kill</c>, then clicks its Confirm button; returns when the click was answered.</summary>
    public async Task<JsonObject> KillAsync(Uri interactions, Action beforeConfirm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(beforeConfirm);
        var prompt = await PostAsync(interactions, Interaction(2, new JsonObject { ["id"] = "771825006014889984", ["name"] = "kill", ["type"] = 1, ["options"] = new JsonArray() }), ct);
        var confirm = prompt["data"]?["components"]?[0]?["components"]?[0]?["custom_id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"/kill answered without a Confirm button: {prompt.ToJsonString()}");
        beforeConfirm();
        return await PostAsync(interactions, Interaction(3, new JsonObject { ["custom_id"] = confirm, ["component_type"] = 2 }), ct);
    }

    /// <summary>Sends a read command such as <c>/positions</c>; returns the interaction token its reply will be edited under, and the answer.</summary>
    public async Task<(string Token, JsonObject Answer)> AskAsync(Uri interactions, string command, CancellationToken ct)
    {
        var token = NewToken();
        var answer = await PostAsync(interactions, Interaction(2, new JsonObject { ["id"] = "771825006014889985", ["name"] = command, ["type"] = 1, ["options"] = new JsonArray() }, token), ct);
        return (token, answer);
    }

    private async Task<JsonObject> PostAsync(Uri url, byte[] body, CancellationToken ct)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(DiscordSignatureVerifier.TimestampHeader, timestamp);
        content.Headers.Add(DiscordSignatureVerifier.SignatureHeader, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])));
        using var response = await _http.PostAsync(url, content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"interactions endpoint answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"interactions endpoint answered no JSON object: {text}");
    }

    private static string NewToken() => "interaction-token-" + Guid.NewGuid().ToString("N");

    private static byte[] Interaction(int type, JsonObject data, string? token = null) => Encoding.UTF8.GetBytes(SimulatedInteraction.Build(
        type, ApplicationId, UserId, data, "7860087297" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
        token ?? NewToken()).ToJsonString());

    public void Dispose()
    {
        _key.Dispose();
        _http.Dispose();
    }
}
