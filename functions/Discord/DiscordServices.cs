using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Adapters.Discord.Webhooks;
using MiniQuantDesk.Functions.DailySummary;
using MiniQuantDesk.Functions.Discord.Commands;
using MiniQuantDesk.Functions.Discord.Replies;
using MiniQuantDesk.Functions.Discord.State;
using MiniQuantDesk.Functions.NotifyDiscord;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>The Discord side of the composition root: the adapter's clients, the command handlers, the router.</summary>
public static class DiscordServices
{
    public static void Add(IServiceCollection services, DiscordOptions options)
    {
        services.AddSingleton(options);
        // Rate-limit waits and retries run on the real clock, never the simulated market's.
        services.AddSingleton(sp => DiscordWebhookClient.Create(options, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(new NotificationRouter(options));
        services.AddSingleton<DiscordNotifier>();
        services.AddSingleton<NotificationLedger>();
        services.AddSingleton<NotificationRetryQueue>();
        services.AddSingleton<PendingReplyLedger>();
        services.AddSingleton<ReplyCheckQueue>();
        services.AddSingleton(sp => new ReplyClaims(sp.GetRequiredService<PendingReplyLedger>(), sp.GetRequiredService<ReplyCheckQueue>(), options, TimeProvider.System, sp.GetRequiredService<ILogger<ReplyClaims>>()));
        services.AddSingleton(sp => new InteractionReplies(sp.GetRequiredService<DiscordWebhookClient>(), options, sp.GetRequiredService<ReplyClaims>(), TimeProvider.System, sp.GetRequiredService<ILogger<InteractionReplies>>()));
        services.AddSingleton<CommandAudit>();
        services.AddSingleton<StrategySwitchStore>();
        services.AddSingleton<ProtectionLockStore>();
        services.AddSingleton<DailySummaryComposer>();
        services.AddSingleton<Health.HealthFunction>();
        services.AddSingleton<DeskCommandRouter>();

        services.AddSingleton<IDeskCommandHandler, StatusCommand>();
        services.AddSingleton<IDeskCommandHandler, PositionsCommand>();
        services.AddSingleton<IDeskCommandHandler, OrdersCommand>();
        services.AddSingleton<IDeskCommandHandler, PnlCommand>();
        services.AddSingleton<IDeskCommandHandler, RiskCommand>();
        services.AddSingleton<IDeskCommandHandler, StartCommand>();
        services.AddSingleton<IDeskCommandHandler, StopCommand>();
        services.AddSingleton<IDeskCommandHandler, ReduceCommand>();
        services.AddSingleton<IDeskCommandHandler, KillCommand>();
        services.AddSingleton<IDeskCommandHandler, FlattenCommand>();
        services.AddSingleton<IDeskCommandHandler, ExitCommand>();
        services.AddSingleton<IDeskCommandHandler, StrategyCommand>();
        services.AddSingleton<IDeskCommandHandler, SummaryCommand>();
        services.AddSingleton<IDeskCommandHandler, LocksCommand>();
        services.AddSingleton<IDeskCommandHandler, UnlockCommand>();
        services.AddSingleton<IDeskCommandHandler, PerformanceCommand>();
        services.AddSingleton<IDeskCommandHandler, HealthCommand>();
    }
}
