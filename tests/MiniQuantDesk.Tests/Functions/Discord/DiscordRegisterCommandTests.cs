using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Functions.Cli;
using MiniQuantDesk.Tests.Adapters.Discord;

namespace MiniQuantDesk.Tests.Functions.Discord;

/// <summary><c>desk discord register</c> against a loopback Discord: one bulk overwrite of the router's own table.</summary>
public sealed class DiscordRegisterCommandTests
{
    private static IConfiguration Config(LoopbackDiscordServer discord, string? token = "bot-token-xyz") => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Discord:ApplicationId"] = InteractionSigner.ApplicationId,
        ["Discord:BotToken"] = token,
        ["Discord:ApiBaseUrl"] = discord.ApiBase.ToString(),
    }).Build();

    [Fact]
    public async Task Registers_every_routed_command_in_one_put_for_a_guild()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        discord.Answer = (_, _) => new DiscordReply(200, "[]");
        var stdout = new StringWriter();

        var code = await DiscordCommand.RegisterAsync(Config(discord), "290926798626357999", stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        var put = Assert.Single(discord.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/api/v10/applications/{InteractionSigner.ApplicationId}/guilds/290926798626357999/commands", put.Path);
        Assert.Equal("Bot bot-token-xyz", put.Headers["Authorization"]);
        var names = JsonNode.Parse(put.Body)!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(DeskCommands.All.Select(c => c.Name), names);
        Assert.Contains("/kill", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bot_token_it_names_the_setting_and_sends_nothing()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        var stderr = new StringWriter();

        var code = await DiscordCommand.RegisterAsync(Config(discord, token: null), null, new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(DiscordCommand.BadSettings, code);
        Assert.Contains("Discord:BotToken", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(discord.Requests);
    }

    [Fact]
    public async Task A_refusal_by_Discord_is_exit_code_1()
    {
        await using var discord = await LoopbackDiscordServer.StartAsync();
        discord.Answer = (_, _) => DiscordReply.Error(401, 0, "401: Unauthorized");

        var code = await DiscordCommand.RegisterAsync(Config(discord), null, new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.Equal(DiscordCommand.Failed, code);
        Assert.Equal($"/api/v10/applications/{InteractionSigner.ApplicationId}/commands", Assert.Single(discord.Requests).Path);
    }
}
