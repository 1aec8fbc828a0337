namespace MiniQuantDesk.Functions.Configuration;

/// <summary>
/// Where the broker is (section <c>Alpaca</c>). Without keys the desk talks to the simulated market;
/// the paper endpoint is the default, live only when asked for by name.
/// </summary>
public sealed record BrokerOptions(Uri TradingBaseUrl, string? KeyId, string? SecretKey)
{
    public const string PaperUrl = "https://paper-api.alpaca.markets";

    public bool HasKeys => !string.IsNullOrWhiteSpace(KeyId) && !string.IsNullOrWhiteSpace(SecretKey);

    public static BrokerOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration, List<string> problems)
    {
        var section = configuration.GetSection("Alpaca");
        var url = SettingReader.Url(section, "Alpaca:TradingBaseUrl", "TradingBaseUrl", PaperUrl, problems) ?? new Uri(PaperUrl);
        var keyId = section["KeyId"];
        var secret = section["SecretKey"];
        if (string.IsNullOrWhiteSpace(keyId) != string.IsNullOrWhiteSpace(secret))
        {
            problems.Add("Alpaca:KeyId and Alpaca:SecretKey must be set together (one of them is empty)");
        }

        return new BrokerOptions(url, keyId, secret);
    }

    public override string ToString() => $"{TradingBaseUrl} (keys {(HasKeys ? "set" : "not set")})";
}
