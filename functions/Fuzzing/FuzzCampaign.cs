using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>How many inputs each entry point gets.</summary>
public sealed record FuzzBudget(long Parsers, long BrokerBars, long Settings, long Interactions, long Health, long Dashboard, long Invocations)
{
    /// <summary>A total split the way CI's short campaign is: the cheap in-process parsers take most of it, HTTP to the real handler about 5 %.</summary>
    public static FuzzBudget Split(long total) => new(
        Parsers: total * 58 / 100,
        BrokerBars: total * 30 / 100,
        Settings: total * 7 / 100,
        Interactions: total * 15 / 1000,
        Health: total * 3 / 1000,
        Dashboard: total * 7 / 1000,
        Invocations: total * 25 / 1000);

    public long Http => Interactions + Health + Dashboard + Invocations;
}

/// <summary>
/// The whole campaign over every entry point (<c>desk fuzz</c>, and the xUnit tests with small budgets): the in-process
/// parsers first, then the running desk over HTTP. Each entry point has its own seeded stream.
/// </summary>
public static class FuzzCampaign
{
    public const string Interactions = "http /api/discord/interactions";
    public const string Health = "http /api/health";
    public const string Dashboard = "http /api/dashboard/...";
    public const string Invocations = "http handler /{FunctionName}";

    public static async Task<FuzzReport> RunInProcessAsync(FuzzBudget budget, ulong seed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var tallies = await InProcessAsync(budget, seed, ct);
        return new FuzzReport(seed, tallies, clock.Elapsed, 0);
    }

    /// <summary>Every entry point; the desk runs on <paramref name="storageConnection"/> or on its own Azurite.</summary>
    public static async Task<FuzzReport> RunAsync(FuzzBudget budget, ulong seed, string? storageConnection, ILogger? logger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var tallies = await InProcessAsync(budget, seed, ct);
        await using var desk = await FuzzDesk.StartAsync(storageConnection, logger, ct);
        tallies.AddRange(await HttpAsync(desk, budget, seed, ct));
        return new FuzzReport(seed, tallies, clock.Elapsed, desk.Handler.Restarts);
    }

    public static async Task<List<FuzzTally>> HttpAsync(FuzzDesk desk, FuzzBudget budget, ulong seed, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var runner = new HttpFuzzRunner(desk, http, batchSize: 50);
        var tallies = new List<FuzzTally>();
        async Task Run(string name, IEnumerable<FuzzRequest> inputs, Func<int, bool> accepted)
        {
            var tally = new FuzzTally(name);
            await runner.RunAsync(tally, inputs, accepted, ct);
            tallies.Add(tally);
        }

        await Run(Interactions, DeskHttpInputs.Interactions(desk, budget.Interactions, new FuzzRandom(seed, 41)), HttpFuzzRunner.Is2xx);
        await Run(Health, DeskHttpInputs.Health(desk, budget.Health, new FuzzRandom(seed, 42)), s => s is 200 or 503); // 503 is the health answer "unhealthy"
        await Run(Dashboard, DeskHttpInputs.Dashboard(desk, budget.Dashboard, new FuzzRandom(seed, 43)), HttpFuzzRunner.Is2xx);
        await Run(Invocations, DeskHttpInputs.Invocations(desk, budget.Invocations, new FuzzRandom(seed, 44), desk.Market.Now), HttpFuzzRunner.Is2xx);
        return tallies;
    }

    private static async Task<List<FuzzTally>> InProcessAsync(FuzzBudget budget, ulong seed, CancellationToken ct)
    {
        var example = LocalSettings.Load(FindSettingsExample(AppContext.BaseDirectory)).Values;
        return
        [
            InvocationParserTarget.Run(AppRoot.Load(AppContext.BaseDirectory), budget.Parsers, seed),
            await BrokerBarsTarget.RunAsync(budget.BrokerBars, seed, ct),
            SettingsTarget.Run(example, budget.Settings, seed),
        ];
    }

    /// <summary>local.settings.json.example: from the current directory or <paramref name="start"/> upwards (the repository root).</summary>
    public static string FindSettingsExample(string start)
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "local.settings.json.example");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("local.settings.json.example not found above " + start);
    }
}
