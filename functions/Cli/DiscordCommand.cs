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
        return new Command("discord", "Discord: register the slash commands; measure the interactions endpoint") { register, BenchCommand() };
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

    /// <summary>
    /// <c>desk discord bench --url … --seed …</c>: plays Discord against a running desk (e.g. <c>./desk local</c> with
    /// <c>Discord__PublicKey</c> set to the seed's public key) and prints the answer time of PING and the quick
    /// commands (p50/p99 over <c>--count</c> each). The seed is a test key's private half, never the real app's.
    /// </summary>
    private static Command BenchCommand()
    {
        var url = new Option<string>("--url") { Description = "The interactions endpoint", DefaultValueFactory = _ => "http://127.0.0.1:7071/api/discord/interactions" };
        var seed = new Option<string>("--seed") { Description = "Ed25519 private seed (64 hex) whose public key the desk has as Discord__PublicKey", Required = true };
        var user = new Option<string>("--user") { Description = "A user id on Discord__AllowedUserIds", Required = true };
        var count = new Option<int>("--count") { Description = "Requests per command", DefaultValueFactory = _ => 200 };
        var bench = new Command("bench", "Measure the interactions endpoint's answer time (PING, /status, /risk, /locks, /strategy list)") { url, seed, user, count };
        bench.SetAction(async (parse, ct) =>
            await BenchAsync(new Uri(parse.GetValue(url)!), parse.GetValue(seed)!, parse.GetValue(user)!, parse.GetValue(count), Console.Out, ct));
        return bench;
    }

    private static async Task<int> BenchAsync(Uri url, string seedHex, string user, int count, TextWriter stdout, CancellationToken ct)
    {
        var algorithm = NSec.Cryptography.SignatureAlgorithm.Ed25519;
        using var key = NSec.Cryptography.Key.Import(algorithm, Convert.FromHexString(seedHex), NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var cases = new (string Name, string Body)[]
        {
            ("PING", "{\"type\":1,\"id\":\"1\",\"application_id\":\"1\",\"token\":\"t\",\"version\":1}"),
            ("/status", Command(user, "status", "")),
            ("/risk", Command(user, "risk", "")),
            ("/locks", Command(user, "locks", "")),
            ("/strategy list", Command(user, "strategy", ",\"options\":[{\"name\":\"list\",\"type\":1}]")),
        };
        await stdout.WriteLineAsync($"{count} requests each to {url} (after 10 warm-up requests), milliseconds:");
        foreach (var (name, body) in cases)
        {
            var times = new List<double>();
            var deferred = 0;
            for (var i = -10; i < count; i++)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signature = Convert.ToHexStringLower(algorithm.Sign(key, [.. System.Text.Encoding.UTF8.GetBytes(timestamp), .. bytes]));
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                content.Headers.Add("X-Signature-Timestamp", timestamp);
                content.Headers.Add("X-Signature-Ed25519", signature);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await http.PostAsync(url, content, ct);
                var answer = await response.Content.ReadAsStringAsync(ct);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    await stdout.WriteLineAsync($"{name}: HTTP {(int)response.StatusCode} {answer}");
                    return Failed;
                }

                deferred += answer.StartsWith("{\"type\":5", StringComparison.Ordinal) ? 1 : 0;
                if (i >= 0)
                {
                    times.Add(elapsed);
                }
            }

            times.Sort();
            await stdout.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name,-16} p50 {Percentile(times, 0.50),7:F2}  p99 {Percentile(times, 0.99),7:F2}  max {times[^1],7:F2}  deferred {deferred}"));
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Command(string user, string name, string options) =>
        "{\"type\":2,\"id\":\"2\",\"application_id\":\"775799577604522054\",\"token\":\"t\",\"version\":1,\"member\":{\"user\":{\"id\":\"" + user
        + "\"}},\"data\":{\"id\":\"3\",\"name\":\"" + name + "\",\"type\":1" + options + "}}";

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
