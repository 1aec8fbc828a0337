using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Tests.Adapters.Discord;
using MiniQuantDesk.Tests.Functions.Discord;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// Through the real handler process and local host: the handler is SIGKILLed while its deferred reply to /positions
/// is on its way to Discord; the restarted handler's ReplyRescue answers the interaction once the claim runs out.
/// </summary>
public sealed class DiscordReplyRescueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90); // the whole suite runs beside it on 2 cores

    [Fact]
    public async Task A_reply_lost_with_a_killed_handler_is_answered_after_the_restart()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        var open = 0;
        discord.Answer = (request, n) => request.Method == "PATCH" && Volatile.Read(ref open) == 0 ? DiscordReply.Never() : DiscordReply.Message($"msg-{n}");
        var settings = DiscordKillSwitchTests.Settings(discord);
        settings["Discord__ReplyLease"] = "00:00:02";
        await using var desk = await DeskUnderTest.StartAsync(azurite, settings);
        var body = InteractionSigner.Command("positions");
        var interaction = InteractionParser.Parse(body).Interaction!;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deferred = await DiscordKillSwitchTests.PostAsync(http, new Uri(desk.Host.HttpBaseAddress!, "api/discord/interactions"), body);
        Assert.Equal(5, deferred["type"]!.GetValue<int>());

        bool Edited(DiscordRequest r) => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal);
        await DeskUnderTest.EventuallyAsync(() => Task.FromResult(discord.Requests.Any(Edited) ? "sent" : null), Patience, "the reply on its way to Discord");
        var restarts = desk.Handler.Restarts;
        desk.Handler.Kill();
        Volatile.Write(ref open, 1);

        var late = await DeskUnderTest.EventuallyAsync(
            () => Task.FromResult(discord.Requests.FirstOrDefault(r => Edited(r) && r.Body.Contains("Answered late", StringComparison.Ordinal))),
            Patience, "the rescued reply");
        Assert.Contains("No open positions", late.Body, StringComparison.Ordinal);
        Assert.True(desk.Handler.Restarts > restarts, "the handler was not restarted");
    }
}
