using System.Globalization;

namespace MiniQuantDesk.Functions.Chaos;

/// <summary>
/// The keys and webhook tokens a campaign hands the desk: throwaway values, unmistakable in any text, so the
/// secrets scan can look for each of them in every log line and stored record the campaign left behind.
/// </summary>
public sealed record ChaosSecrets(string AlpacaKeyId, string AlpacaSecretKey, string WebhookSeed)
{
    public static ChaosSecrets For(int seed)
    {
        var random = new Random(seed ^ 0x5EC2E7);
        string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => random.Next(16).ToString("x", CultureInfo.InvariantCulture)));
        return new ChaosSecrets("PKCHAOS" + Hex(13).ToUpperInvariant(), "chaos-secret-" + Hex(28), Hex(12));
    }

    public string WebhookToken(string channel) => $"chaos-webhook-{channel}-{WebhookSeed}";

    public IReadOnlyList<string> All => [AlpacaKeyId, AlpacaSecretKey, WebhookToken("system"), WebhookToken("trading"), WebhookToken("risk"), WebhookToken("daily")];
}
