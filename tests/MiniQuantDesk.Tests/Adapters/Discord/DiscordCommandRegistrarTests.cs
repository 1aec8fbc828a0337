using System.Text.Json;
using System.Text.RegularExpressions;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Commands;

namespace MiniQuantDesk.Tests.Adapters.Discord;

/// <summary>The bulk-overwrite PUT, checked against the limits and shape of spec §2.</summary>
public sealed partial class DiscordCommandRegistrarTests : IAsyncLifetime
{
    private LoopbackDiscordServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackDiscordServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();

    [Fact]
    public async Task Global_registration_is_a_PUT_with_the_bot_token_and_every_desk_command()
    {
        server.Answer = (_, _) => new DiscordReply(200, "[]");
        var delivery = await DiscordCommandRegistrar.Create(DiscordTestSetup.Options(server)).RegisterAsync();

        Assert.True(delivery.IsDelivered, delivery.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal(("PUT", "/api/v10/applications/775799577604522054/commands"), (request.Method, request.Path));
        Assert.Equal("Bot bot-token-SECRET-xyz", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        var commands = JsonDocument.Parse(request.Body).RootElement.EnumerateArray().ToList();
        // The list the issue asks for, typed out here rather than read from the table under test.
        string[] expected = ["status", "positions", "orders", "pnl", "risk", "start", "stop", "kill", "flatten", "strategy",
            "summary", "reduce", "exit", "locks", "unlock", "performance", "health"];
        Assert.Equal(expected, commands.Select(c => c.GetProperty("name").GetString()));
        foreach (var command in commands)
        {
            var name = command.GetProperty("name").GetString()!;
            Assert.Matches(CommandName(), name);
            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.Equal(1, command.GetProperty("type").GetInt32());
            Assert.InRange(command.GetProperty("description").GetString()!.Length, 1, 100);
            Assert.Equal("0", command.GetProperty("default_member_permissions").GetString());
            Assert.Equal([0], command.GetProperty("contexts").EnumerateArray().Select(e => e.GetInt32()));
            CheckOptions(command);
        }

        var exit = commands.Single(c => c.GetProperty("name").GetString() == "exit").GetProperty("options")[0];
        Assert.Equal(("symbol", 3, true), (exit.GetProperty("name").GetString(), exit.GetProperty("type").GetInt32(), exit.GetProperty("required").GetBoolean()));
        var period = commands.Single(c => c.GetProperty("name").GetString() == "performance").GetProperty("options")[0];
        Assert.Equal(["today", "week", "all"], period.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.False(period.GetProperty("required").GetBoolean());
        var strategy = commands.Single(c => c.GetProperty("name").GetString() == "strategy").GetProperty("options");
        Assert.Equal(["list", "enable", "disable"], strategy.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(strategy.EnumerateArray(), s => Assert.Equal(1, s.GetProperty("type").GetInt32()));
        Assert.Equal(3, strategy[1].GetProperty("options")[0].GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Guild_registration_goes_to_the_guild_route()
    {
        server.Answer = (_, _) => new DiscordReply(200, "[]");
        var delivery = await DiscordCommandRegistrar.Create(DiscordTestSetup.Options(server)).RegisterAsync(guildId: "290926798626357999");

        Assert.True(delivery.IsDelivered);
        Assert.Equal("/api/v10/applications/775799577604522054/guilds/290926798626357999/commands", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Without_a_bot_token_nothing_is_sent_and_a_401_is_not_retried()
    {
        var missing = await DiscordCommandRegistrar.Create(DiscordTestSetup.Options(server, o => o.BotToken = "")).RegisterAsync();
        Assert.Contains("Discord:BotToken", Assert.IsType<DiscordDelivery.Failed>(missing).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        server.Answer = (_, _) => DiscordReply.Error(401, 0, "401: Unauthorized");
        var refused = Assert.IsType<DiscordDelivery.Failed>(await DiscordCommandRegistrar.Create(DiscordTestSetup.Options(server)).RegisterAsync());
        Assert.Equal(401, refused.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void The_table_flags_the_dangerous_and_the_slow_commands()
    {
        Assert.Equal(["kill", "flatten", "exit"], DeskCommands.All.Where(c => c.NeedsConfirmation).Select(c => c.Name));
        Assert.All(DeskCommands.All.Where(c => c.NeedsConfirmation), c => Assert.True(c.ChangesState));
        Assert.All(new[] { "status", "positions", "orders", "pnl", "risk", "locks", "health", "summary", "performance" },
            name => Assert.False(DeskCommands.Find(name)!.ChangesState, name));
        Assert.Null(DeskCommands.Find("order"));
    }

    private static void CheckOptions(JsonElement parent)
    {
        if (!parent.TryGetProperty("options", out var options))
        {
            return;
        }

        Assert.InRange(options.GetArrayLength(), 1, 25);
        var seenOptional = false;
        foreach (var option in options.EnumerateArray())
        {
            Assert.Matches(CommandName(), option.GetProperty("name").GetString()!);
            Assert.InRange(option.GetProperty("description").GetString()!.Length, 1, 100);
            Assert.InRange(option.GetProperty("type").GetInt32(), 1, 11);
            if (option.TryGetProperty("required", out var required))
            {
                Assert.False(seenOptional && required.GetBoolean(), "required options must come before optional ones");
                seenOptional |= !required.GetBoolean();
            }

            if (option.TryGetProperty("choices", out var choices))
            {
                Assert.InRange(choices.GetArrayLength(), 1, 25);
            }

            CheckOptions(option);
        }
    }
}
