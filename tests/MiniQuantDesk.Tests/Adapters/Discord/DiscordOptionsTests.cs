using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Notifications;

namespace MiniQuantDesk.Tests.Adapters.Discord;

public sealed class DiscordOptionsTests
{
    private const string TradingHook = "https://discord.com/api/webhooks/123456789/TRADING-token-SECRET";

    private static DiscordOptions FromSettings(params (string Key, string Value)[] settings) =>
        DiscordOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Settings_bind_and_route_with_verbosity_and_log_only_channels()
    {
        var options = FromSettings(
            ("Discord:PublicKey", DiscordTestSetup.PublicKey),
            ("Discord:AllowedUserIds", "53908232506183680, 1122334455"),
            ("Discord:Webhooks:Trading", TradingHook),
            ("Discord:Verbosity:OrderFilled", "silent"),
            ("Discord:Verbosity:Signal", "OFF"));
        Assert.Empty(options.Validate());
        var router = new NotificationRouter(options);

        var filled = router.Route(NotificationKind.OrderFilled);
        Assert.Equal((NotificationChannel.Trading, NotificationDisposition.Send, MessageFlags.SuppressNotifications), (filled.Channel, filled.Disposition, filled.Flags));
        Assert.Equal(4096, (int)filled.Flags);
        Assert.Equal(TradingHook, filled.Webhook!.AbsoluteUri);
        Assert.Equal(NotificationDisposition.Off, router.Route(NotificationKind.Signal).Disposition);
        var breaker = router.Route(NotificationKind.BreakerTrip);
        Assert.Equal((NotificationChannel.Risk, NotificationDisposition.LogOnly), (breaker.Channel, breaker.Disposition));
        Assert.True(options.AllowList.Allows("1122334455"));
        Assert.DoesNotContain("TRADING-token-SECRET", filled.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_has_a_channel_as_the_issue_lists_them()
    {
        var expected = new Dictionary<NotificationKind, NotificationChannel>
        {
            [NotificationKind.SystemStarted] = NotificationChannel.System,
            [NotificationKind.SystemStopped] = NotificationChannel.System,
            [NotificationKind.CommandAudit] = NotificationChannel.System,
            [NotificationKind.OrderPlaced] = NotificationChannel.Trading,
            [NotificationKind.OrderFilled] = NotificationChannel.Trading,
            [NotificationKind.Signal] = NotificationChannel.Trading,
            [NotificationKind.RiskRejection] = NotificationChannel.Risk,
            [NotificationKind.BreakerTrip] = NotificationChannel.Risk,
            [NotificationKind.Drift] = NotificationChannel.Risk,
            [NotificationKind.DailySummary] = NotificationChannel.Daily,
        };
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, expected.Count);
        Assert.All(expected, pair => Assert.Equal(pair.Value, NotificationRoutes.ChannelOf(pair.Key)));
    }

    [Theory]
    [InlineData("Discord:PublicKey", "not-hex", "Discord:PublicKey")]
    [InlineData("Discord:ApplicationId", "app-1", "Discord:ApplicationId")]
    [InlineData("Discord:AllowedUserIds", "12, mason", "Discord:AllowedUserIds entry 'mason'")]
    [InlineData("Discord:BotToken", "Bot abc.def", "Discord:BotToken")]
    [InlineData("Discord:Webhooks:Trading", "https://example.com/hook", "Discord:Webhooks:Trading")]
    [InlineData("Discord:Webhooks:Trading", "http://discord.com/api/webhooks/1/tok", "Discord:Webhooks:Trading")]
    [InlineData("Discord:Webhooks:Alerts", TradingHook, "Discord:Webhooks:Alerts is not a channel")]
    [InlineData("Discord:Verbosity:OrderFilled", "quiet", "Discord:Verbosity:OrderFilled must be on, silent or off")]
    [InlineData("Discord:Verbosity:OrderFill", "silent", "Discord:Verbosity:OrderFill is not a notification kind")]
    [InlineData("Discord:Verbosity:OrderFilled", "1", "Discord:Verbosity:OrderFilled")]
    [InlineData("Discord:AttemptTimeout", "soon", "Discord:AttemptTimeout")]
    [InlineData("Discord:MaxRetries", "50", "Discord:MaxRetries must be between 0 and 10")]
    [InlineData("Discord:ReplyLease", "00:00:00.500", "Discord:ReplyLease must be between 00:00:01 and 00:05:00")]
    [InlineData("Discord:ReplyLease", "00:20:00", "Discord:ReplyLease must be between 00:00:01 and 00:05:00")]
    public void A_bad_setting_is_named(string key, string value, string expected)
    {
        var errors = FromSettings((key, value)).Validate();
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<DiscordOptionsException>(() => FromSettings((key, value)).EnsureValid());
    }

    [Fact]
    public void A_public_key_without_allowed_users_is_refused()
    {
        var errors = FromSettings(("Discord:PublicKey", DiscordTestSetup.PublicKey)).Validate();
        Assert.Contains(errors, e => e.StartsWith("Discord:AllowedUserIds must list", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_set_is_valid_and_routes_everything_to_the_log()
    {
        var options = FromSettings();
        Assert.Empty(options.Validate());
        Assert.All(new NotificationRouter(options).All(), r => Assert.NotEqual(NotificationDisposition.Send, r.Disposition));
    }

    [Fact]
    public void ToString_shows_no_token()
    {
        var options = FromSettings(
            ("Discord:BotToken", "MTIzNDU2Nzg5.bot-SECRET"),
            ("Discord:Webhooks:Trading", TradingHook),
            ("Discord:ApplicationId", "775799577604522054"));
        var text = options.ToString();
        Assert.DoesNotContain("bot-SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TRADING-token-SECRET", text, StringComparison.Ordinal);
        Assert.Contains("webhooks/123456789/****", text, StringComparison.Ordinal);
        Assert.Contains("775799577604522054", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_base_keeps_its_version_segment_without_a_trailing_slash()
    {
        var options = FromSettings(("Discord:ApiBaseUrl", "https://discord.com/api/v10"));
        Assert.Equal("https://discord.com/api/v10/webhooks/1/t", new Uri(options.ApiBaseUrl, "webhooks/1/t").AbsoluteUri);
    }
}
