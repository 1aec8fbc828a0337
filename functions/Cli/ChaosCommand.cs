using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Chaos;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk chaos --minutes N --seed S</c>: a replayed session through the local host with handler kills, Azurite
/// restarts, broker and Discord faults, duplicated queue messages and a second instance, then the audit
/// (docs/reliability.md). Exit codes: 0 passed, 1 a duplicate, loss, mismatch or crash, 78 bad options.
/// </summary>
public static class ChaosCommand
{
    public const int Failed = 1;

    public static Command Create()
    {
        var defaults = new ChaosOptions();
        var minutes = new Option<int>("--minutes") { Description = "simulated minutes of the session to replay with faults", DefaultValueFactory = _ => defaults.Minutes };
        var seed = new Option<int>("--seed") { Description = "seed of every random choice (same seed, same faults)", DefaultValueFactory = _ => defaults.Seed };
        var speed = new Option<decimal>("--speed") { Description = "simulated seconds per real second", DefaultValueFactory = _ => defaults.Speed };
        var kills = new Option<double>("--kills-per-minute") { Description = "handler SIGKILLs per wall-clock minute", DefaultValueFactory = _ => defaults.HandlerKillsPerMinute };
        var azurite = new Option<double>("--azurite-restarts-per-minute") { Description = "Azurite stop/start cycles per wall-clock minute", DefaultValueFactory = _ => defaults.AzuriteRestartsPerMinute };
        var outage = new Option<int>("--azurite-outage-ms") { Description = "longest time Azurite stays stopped in one restart (drawn between a tenth of it and it)", DefaultValueFactory = _ => (int)defaults.AzuriteOutageMax.TotalMilliseconds };
        var cuts = new Option<double>("--storage-cuts-per-minute") { Description = "cuts of the network to Azurite per wall-clock minute (open connections reset, new ones refused)", DefaultValueFactory = _ => defaults.StorageCutsPerMinute };
        var phone = new Option<double>("--phone-checks-per-minute") { Description = "read commands (/positions, /orders, /pnl) the trader sends from Discord per wall-clock minute; each must be answered", DefaultValueFactory = _ => defaults.PhoneChecksPerMinute };
        var cutMs = new Option<int>("--storage-cut-ms") { Description = "longest a storage cut lasts (drawn between 0 and it)", DefaultValueFactory = _ => (int)defaults.StorageCutMax.TotalMilliseconds };
        var instances = new Option<double>("--instance-switches-per-minute") { Description = "second-instance starts or stops per wall-clock minute", DefaultValueFactory = _ => defaults.SecondInstanceSwitchesPerMinute };
        var broker = new Option<double>("--broker-fault-rate") { Description = "chance a broker request gets 429/500/slow/dropped", DefaultValueFactory = _ => defaults.BrokerFaultRate };
        var discord = new Option<double>("--discord-fault-rate") { Description = "chance a Discord post gets 429/500", DefaultValueFactory = _ => defaults.DiscordFaultRate };
        var duplicates = new Option<double>("--duplicate-rate") { Description = "chance a queue message is delivered twice", DefaultValueFactory = _ => defaults.DuplicateRate };
        var discordDown = new Option<bool>("--discord-down") { Description = "Discord answers 503 for the whole replay, then comes back" };
        var settle = new Option<int>("--settle-seconds") { Description = "how long the desk may take to settle after the faults", DefaultValueFactory = _ => (int)defaults.SettleTimeout.TotalSeconds };
        var work = new Option<string?>("--work") { Description = "folder for logs, Azurite's data and report.json (default: a new temp folder)" };
        var command = new Command("chaos", "Fault campaign: replay a session while killing, restarting and breaking things, then check nothing was duplicated or lost")
        {
            minutes, seed, speed, kills, azurite, outage, cuts, cutMs, instances, phone, broker, discord, duplicates, discordDown, settle, work,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ChaosOptions
            {
                Minutes = parse.GetValue(minutes),
                Seed = parse.GetValue(seed),
                Speed = parse.GetValue(speed),
                HandlerKillsPerMinute = parse.GetValue(kills),
                AzuriteRestartsPerMinute = parse.GetValue(azurite),
                AzuriteOutageMax = TimeSpan.FromMilliseconds(parse.GetValue(outage)),
                StorageCutsPerMinute = parse.GetValue(cuts),
                StorageCutMax = TimeSpan.FromMilliseconds(parse.GetValue(cutMs)),
                PhoneChecksPerMinute = parse.GetValue(phone),
                SecondInstanceSwitchesPerMinute = parse.GetValue(instances),
                BrokerFaultRate = parse.GetValue(broker),
                DiscordFaultRate = parse.GetValue(discord),
                DuplicateRate = parse.GetValue(duplicates),
                DiscordDown = parse.GetValue(discordDown),
                SettleTimeout = TimeSpan.FromSeconds(parse.GetValue(settle)),
                WorkDirectory = parse.GetValue(work),
            };
            return await RunAsync(options, Console.Out, Console.Error, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(ChaosOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine(error);
            }

            return BacktestCommand.BadSettings;
        }

        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"mqd-chaos-{options.Seed}-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}"));
        Directory.CreateDirectory(Path.Combine(work, "logs"));
        using var file = new LogFileProvider(Path.Combine(work, "logs", "host.log"));
        using var loggers = LoggerFactory.Create(b => b.ClearProviders().AddProvider(file).SetMinimumLevel(LogLevel.Information));
        var report = await ChaosCampaign.RunAsync(options, AppRoot.Load(AppContext.BaseDirectory), work, loggers, line => stdout.WriteLine(line), ct);
        report.Render(stdout);
        await File.WriteAllTextAsync(Path.Combine(work, "report.json"), report.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), ct);
        stdout.WriteLine($"logs, Azurite data and report.json in {work}");
        return report.Passed ? 0 : Failed;
    }
}
