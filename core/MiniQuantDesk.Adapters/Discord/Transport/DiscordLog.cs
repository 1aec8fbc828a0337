using Microsoft.Extensions.Logging;

namespace MiniQuantDesk.Adapters.Discord.Transport;

/// <summary>Log lines of the Discord clients. Routes carry webhook ids, never tokens or URLs.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 7200, Level = LogLevel.Warning, Message = "Discord {Route} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string route, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Discord {Route} rate limited (bucket {Bucket}, global {Global}); waiting {Wait}")]
    public static partial void RateLimited(ILogger logger, string route, string bucket, bool global, TimeSpan wait);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "Discord {Route} gave up: rate limit asks {Wait}, more than the budget left")]
    public static partial void RateLimitGaveUp(ILogger logger, string route, TimeSpan wait);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Discord {Route} failed: HTTP {Status}: {Reason}")]
    public static partial void Failed(ILogger logger, string route, int? status, string reason);
}
