using System.CommandLine;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Fuzzing;
using MiniQuantDesk.Functions.Hosting;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk fuzz --inputs N --seed S</c>: the fuzz campaign over every entry point (in-process parsers, then the real
/// handler behind the local host on its own Azurite and simulated market), with the figures per entry point.
/// Exit codes: 0 clean, 1 a crash, an unclear refusal or a state change by a refused input.
/// </summary>
public static class FuzzCommand
{
    public static Command Create()
    {
        var inputs = new Option<long>("--inputs") { Description = "Total fuzzed inputs across the entry points", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed replays the same inputs", DefaultValueFactory = _ => 20250314 };
        var command = new Command("fuzz", "Fuzz every entry point (HTTP, invocation payloads, queue messages, broker bars, settings) and print the figures") { inputs, seed };
        command.SetAction(async (parse, ct) =>
        {
            using var loggers = LoggerFactory.Create(b => HandlerServer.ConfigureLogging(b.SetMinimumLevel(LogLevel.Warning)));
            var budget = FuzzBudget.Split(Math.Max(1, parse.GetValue(inputs)));
            var report = await FuzzCampaign.RunAsync(budget, parse.GetValue(seed), null, loggers.CreateLogger("Fuzz"), ct);
            report.Print(Console.Out);
            return report.Failed ? 1 : 0;
        });
        return command;
    }
}
