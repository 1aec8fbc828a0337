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

    /// <summary>Every secret by a label for reports (the storage key is Azurite's published one, but it must not be logged either).</summary>
    public IReadOnlyDictionary<string, string> Labelled => new Dictionary<string, string>
    {
        ["Alpaca key id"] = AlpacaKeyId,
        ["Alpaca secret key"] = AlpacaSecretKey,
        ["webhook token (system)"] = WebhookToken("system"),
        ["webhook token (trading)"] = WebhookToken("trading"),
        ["webhook token (risk)"] = WebhookToken("risk"),
        ["webhook token (daily)"] = WebhookToken("daily"),
        ["storage account key"] = LocalHost.AzuriteProcess.AccountKey,
    };
}
