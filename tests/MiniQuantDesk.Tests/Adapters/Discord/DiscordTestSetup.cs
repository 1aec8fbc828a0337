using MiniQuantDesk.Adapters.Discord;

namespace MiniQuantDesk.Tests.Adapters.Discord;

public static class DiscordTestSetup
{
    /// <summary>The spec §6 test key (public half; the private seed is published in the spec).</summary>
    public const string PublicKey = "3bc984696c7020b60ae6fac208fe59383e00233d6a755c469d268179398c1a02";

    public static DiscordOptions Options(LoopbackDiscordServer server, Action<DiscordOptions>? change = null)
    {
        var options = new DiscordOptions
        {
            PublicKey = PublicKey,
            ApplicationId = "775799577604522054",
            BotToken = "bot-token-SECRET-xyz",
            AllowedUserIds = "53908232506183680",
            ApiBaseUrl = server.ApiBase,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetries = 2,
        };
        change?.Invoke(options);
        return options;
    }
}
