using MiniQuantDesk.Adapters.Alpaca;

namespace MiniQuantDesk.Tests.Adapters.Alpaca;

/// <summary>Options pointing both clients at a loopback server, with waits short enough for unit tests.</summary>
public static class AlpacaTestSetup
{
    public const string KeyId = "PKTESTKEY1234567890";
    public const string SecretKey = "sEcReT-never-in-logs-0123456789";

    public static AlpacaOptions Options(LoopbackAlpacaServer server, int maxRetries = 2) => new()
    {
        KeyId = KeyId,
        SecretKey = SecretKey,
        TradingBaseUrl = server.Url,
        DataBaseUrl = server.Url,
        Mode = AlpacaMode.Paper,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.Zero,
        MaxRateLimitWait = TimeSpan.FromSeconds(20),
    };
}
