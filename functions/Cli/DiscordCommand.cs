using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Commands;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk discord register [--guild ID]</c>: replaces the application's slash commands with
/// <see cref="DeskCommands.All"/> — the table the interactions router dispatches from — in one bulk overwrite,
/// globally or in one server. Settings: <c>Discord__ApplicationId</c> and <c>Discord__BotToken</c> from the
/// environment, else local.settings.json (<c>DISCORD_BOT_TOKEN</c> / <c>DISCORD_APPLICATION_ID</c> also work,
/// as infra/deploy.sh passes them). Exit codes: 0 registered, 1 Discord refused or unreachable, 78 bad setting.
/// </summary>
public static class DiscordCommand
{
    public const int Failed = 1;
    public const int BadSettings = 78;

    public static Command Create()
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this server only (instant; for development). Default: Discord__GuildId, else global" };
        var settingsFile = new Option<string?>("--settings") { Description = "local.settings.json to read (default: ./local.settings.json when present)" };
        var register = new Command("register", $"Register the desk's {DeskCommands.All.Count} slash commands with Discord (bulk overwrite)") { guild, settingsFile };
        register.SetAction(async (parse, ct) =>
        {
            var configuration = Configuration(parse.GetValue(settingsFile));
            return await RegisterAsync(configuration, parse.GetValue(guild), Console.Out, Console.Error, ct);
        });
        return new Command("discord", "Discord: register the slash commands") { register };
    }

    /// <summary>The verb's body, callable from tests with any configuration and writers.</summary>
    public static async Task<int> RegisterAsync(IConfiguration configuration, string? guildId, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = DiscordOptions.FromConfiguration(configuration);
        var problems = options.Validate().ToList();
        if (options.ApplicationId.Length == 0)
        {
            problems.Add("Discord:ApplicationId must be set to register commands (developer portal, General Information)");
        }

        if (options.BotToken.Length == 0)
        {
            problems.Add("Discord:BotToken must be set to register commands (developer portal, Bot, Reset Token)");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync(problem);
            }

            return BadSettings;
        }

        var where = string.IsNullOrWhiteSpace(guildId) ? (options.GuildId.Length == 0 ? "globally (may take a while to show)" : $"in guild {options.GuildId}") : $"in guild {guildId}";
        var delivery = await DiscordCommandRegistrar.Create(options).RegisterAsync(guildId: guildId, cancellationToken: ct);
        if (delivery is DiscordDelivery.Delivered)
        {
            await stdout.WriteLineAsync($"Registered {DeskCommands.All.Count} commands {where}: {string.Join(" ", DeskCommands.All.Select(c => "/" + c.Name))}");
            return 0;
        }

        await stderr.WriteLineAsync($"Discord did not register the commands: {delivery}");
        return Failed;
    }

    private static IConfiguration Configuration(string? settingsPath)
    {
        settingsPath ??= File.Exists("local.settings.json") ? "local.settings.json" : null;
        var values = LocalSettings.Load(settingsPath).Values.ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
        var builder = new ConfigurationBuilder().AddInMemoryCollection(values).AddEnvironmentVariables();
        var fallbacks = new Dictionary<string, string?>();
        foreach (var (variable, key) in new[] { ("DISCORD_BOT_TOKEN", "Discord:BotToken"), ("DISCORD_APPLICATION_ID", "Discord:ApplicationId") })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && builder.Build()[key] is not { Length: > 0 })
            {
                fallbacks[key] = value;
            }
        }

        return builder.AddInMemoryCollection(fallbacks).Build();
    }
}
