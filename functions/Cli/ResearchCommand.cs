using System.CommandLine;
using System.Globalization;
using MiniQuantDesk.Adapters.Backtest;
using MiniQuantDesk.Adapters.Research;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Domain.Strategies;
using Spectre.Console;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk research sweep | walkforward | bias</c> (docs/research.md): parameter sweeps of the backtest engine on
/// all cores, walk-forward in-sample vs out-of-sample, and the look-ahead and warm-up checks. Bars, settings
/// and output folders as in <c>desk backtest</c>. Exit codes: 0 done (bias: every check passed), 1 a bias check
/// failed, 2 bad input, 78 bad option or setting.
/// </summary>
public static class ResearchCommand
{
    public const int BiasFound = 1;

    public static Command Create()
    {
        var research = new Command("research", "Strategy research: parameter sweeps, walk-forward, look-ahead and warm-up bias checks");
        research.Add(Sweep());
        research.Add(WalkForwardVerb());
        research.Add(Bias());
        return research;
    }

    /// <summary>The inputs every verb shares.</summary>
    public sealed record Inputs(string Symbols, string Bars, string Strategy, string? From, string? To, string? Settings);

    public static int RunSweep(Inputs inputs, string grid, string objective, int parallelism, string outFolder, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        var options = Options(inputs, problems);
        var (parsed, target) = GridAndObjective(grid, objective, problems);
        if (Report(problems, stderr) || Load(inputs, options, stderr) is not { } prepared)
        {
            return problems.Count > 0 ? BacktestCommand.BadSettings : BacktestCommand.BadInput;
        }

        stdout.WriteLine($"sweep: {parsed!.Count} points of {string.Join(",", parsed.Axes.Select(a => $"{a.Name}[{a.Values.Count}]"))} on {prepared.Bars.Count} bars of {string.Join(",", prepared.Symbols)}, {parallelism} threads");
        var sweep = WithProgress($"sweep {parsed.Count} points", parsed.Count, stdout, p => ParameterSweep.Run(prepared, options, parsed, target, parallelism, p));
        var title = $"{string.Join(",", prepared.Symbols)} {string.Join("+", options.Strategies)}: {(target == SweepObjective.Sharpe ? "Sharpe" : "total return")} per grid point";
        return Write(outFolder, new Dictionary<string, string> { ["sweep.csv"] = ResearchReport.SweepCsv(sweep) }, stdout, stderr, folder =>
        {
            if (SweepHeatMap.Axes(parsed.Axes) is var (x, y))
            {
                SweepHeatMap.Write(sweep, x, y, title, Path.Combine(folder, "heatmap.png"));
            }
        }, () =>
        {
            stdout.WriteLine($"{sweep.Ran} of {sweep.Rows.Count} points ran ({sweep.Rows.Count - sweep.Ran} invalid)");
            stdout.WriteLine(sweep.Best is { } best ? $"best by {objective}: {best.Point} — {ResearchReport.Describe(best.Summary)}" : "no point ran");
            if (SweepHeatMap.Axes(parsed.Axes) is null)
            {
                stdout.WriteLine("no heatmap.png: a heat map needs exactly two parameters with several values");
            }
        });
    }

    public static int RunWalkForward(Inputs inputs, string grid, string objective, int train, int test, int parallelism, string outFolder, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        var options = Options(inputs, problems);
        var (parsed, target) = GridAndObjective(grid, objective, problems);
        if (train < 1 || test < 1)
        {
            problems.Add($"--train and --test must be >= 1 session, were {train} and {test}");
        }

        if (Report(problems, stderr) || Load(inputs, options, stderr) is not { } prepared)
        {
            return problems.Count > 0 ? BacktestCommand.BadSettings : BacktestCommand.BadInput;
        }

        var windows = WalkForwardPlan.Create(prepared.Bars.Select(b => NewYorkTime.SessionDate(b.Start)).ToList(), train, test);
        if (windows.Count == 0)
        {
            stderr.WriteLine($"{prepared.Sessions} sessions of bars are too few for one window of {train} training + {test} test sessions");
            return BacktestCommand.BadInput;
        }

        var result = WithProgress($"walk-forward {windows.Count} windows", windows.Count, stdout, p => WalkForward.Run(prepared.Bars, options, parsed!, target, train, test, parallelism, p));
        return Write(outFolder, new Dictionary<string, string> { ["walkforward.csv"] = ResearchReport.WalkForwardCsv(result) }, stdout, stderr, null, () =>
        {
            foreach (var s in result.Steps)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"window {s.Window.Index}: train {s.Window.TrainFrom:yyyy-MM-dd}..{s.Window.TrainTo:yyyy-MM-dd} chose {s.Chosen?.ToString() ?? "nothing"} | in-sample {ResearchReport.Describe(s.InSample)} | out-of-sample {s.Window.TestFrom:yyyy-MM-dd}..{s.Window.TestTo:yyyy-MM-dd} {ResearchReport.Describe(s.OutOfSample)}"));
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mean return per session: in-sample {Pct(result.MeanInSampleReturnPerSession)}, out-of-sample {Pct(result.MeanOutOfSampleReturnPerSession)}, efficiency {result.Efficiency?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"} (out/in; well below 1 = over-fitted)"));
        });
    }

    public static int RunBias(Inputs inputs, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<string>();
        var all = string.Equals(inputs.Strategy.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var options = Options(all ? inputs with { Strategy = string.Join(",", StrategyCatalog.Names) } : inputs, problems);
        if (Report(problems, stderr) || Load(inputs, options, stderr) is not { } prepared)
        {
            return problems.Count > 0 ? BacktestCommand.BadSettings : BacktestCommand.BadInput;
        }

        var failed = 0;
        foreach (var symbol in prepared.Symbols)
        {
            var bars = prepared.Bars.Where(b => b.Symbol == symbol).ToArray();
            foreach (var name in options.Strategies)
            {
                var strategy = StrategyUnderTest.BuiltIn(name, options.StrategySettings, options.Indicators);
                foreach (var finding in new[] { LookAheadCheck.Run(bars, strategy, options.Indicators), WarmUpCheck.Run(bars, strategy, options.Indicators) })
                {
                    failed += finding.Passed ? 0 : 1;
                    stdout.WriteLine(finding.ToString());
                }
            }
        }

        stdout.WriteLine(failed == 0 ? "bias checks: all passed" : $"bias checks: {failed} failed");
        return failed == 0 ? 0 : BiasFound;
    }

    private static Command Sweep()
    {
        var (common, read) = CommonOptions();
        var grid = new Option<string>("--grid") { Description = $"Parameters and ranges: fast=5..20,slow=20..60:5 (name=from..to[:step] or name=value); names: {string.Join(", ", StrategyParameters.Names)}", Required = true };
        var objective = ObjectiveOption();
        var parallel = ParallelOption();
        var output = new Option<string>("--out") { Description = "Folder for sweep.csv and heatmap.png", DefaultValueFactory = _ => "sweep-out" };
        var command = new Command("sweep", "Run the backtest over a parameter grid on all cores; write sweep.csv and a heat map of two parameters") { grid, objective, parallel, output };
        common.ForEach(command.Add);
        command.SetAction((parse, _) => Task.FromResult(RunSweep(read(parse), parse.GetValue(grid)!, parse.GetValue(objective)!, parse.GetValue(parallel), parse.GetValue(output)!, Console.Out, Console.Error)));
        return command;
    }

    private static Command WalkForwardVerb()
    {
        var (common, read) = CommonOptions();
        var grid = new Option<string>("--grid") { Description = "Parameters and ranges to optimise in each training window (as for sweep)", Required = true };
        var train = new Option<int>("--train") { Description = "Sessions per training window", DefaultValueFactory = _ => 20 };
        var test = new Option<int>("--test") { Description = "Sessions per test window (also the roll)", DefaultValueFactory = _ => 5 };
        var objective = ObjectiveOption();
        var parallel = ParallelOption();
        var output = new Option<string>("--out") { Description = "Folder for walkforward.csv", DefaultValueFactory = _ => "walkforward-out" };
        var command = new Command("walkforward", "Optimise on a window, test on the next, roll; in-sample vs out-of-sample side by side") { grid, train, test, objective, parallel, output };
        common.ForEach(command.Add);
        command.SetAction((parse, _) => Task.FromResult(RunWalkForward(read(parse), parse.GetValue(grid)!, parse.GetValue(objective)!, parse.GetValue(train), parse.GetValue(test), parse.GetValue(parallel), parse.GetValue(output)!, Console.Out, Console.Error)));
        return command;
    }

    private static Command Bias()
    {
        var (common, read) = CommonOptions("all");
        var command = new Command("bias", "Look-ahead and warm-up checks of strategies on bars; exit 1 naming the first differing bar of each failure");
        common.ForEach(command.Add);
        command.SetAction((parse, _) => Task.FromResult(RunBias(read(parse), Console.Out, Console.Error)));
        return command;
    }

    private static (List<Option> Options, Func<ParseResult, Inputs> Read) CommonOptions(string defaultStrategy = SmaCrossover.CatalogName)
    {
        var symbols = new Option<string>("--symbols") { Description = "Symbols, comma-separated", DefaultValueFactory = _ => "SPY" };
        var bars = new Option<string>("--bars") { Description = "A bar CSV or a folder of <SYMBOL>.csv (as for desk backtest)", Required = true };
        var strategy = new Option<string>("--strategy") { Description = $"Strategies, comma-separated{(defaultStrategy == "all" ? ", or all" : "")}: {string.Join(", ", StrategyCatalog.Names)}", DefaultValueFactory = _ => defaultStrategy };
        var from = new Option<string?>("--from") { Description = "First session date, yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Last session date, yyyy-MM-dd" };
        var settings = new Option<string?>("--settings") { Description = "JSON settings as for desk backtest (the base every grid point starts from)" };
        return ([symbols, bars, strategy, from, to, settings], parse => new Inputs(parse.GetValue(symbols)!, parse.GetValue(bars)!, parse.GetValue(strategy)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(settings)));
    }

    private static Option<string> ObjectiveOption() => new("--objective") { Description = "What best means: sharpe or return", DefaultValueFactory = _ => "sharpe" };

    private static Option<int> ParallelOption() => new("--parallel") { Description = "Threads (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };

    private static BacktestOptions Options(Inputs inputs, List<string> problems)
    {
        var options = BacktestCommand.LoadOptions(inputs.Settings, problems) with
        {
            Strategies = BacktestCommand.Split(inputs.Strategy),
            From = BacktestCommand.Date("--from", inputs.From, problems),
            To = BacktestCommand.Date("--to", inputs.To, problems),
        };
        problems.AddRange(options.Validate());
        if (BacktestCommand.Split(inputs.Symbols).Count == 0)
        {
            problems.Add("--symbols must name at least one symbol");
        }

        return options;
    }

    private static (ParameterGrid? Grid, SweepObjective Objective) GridAndObjective(string grid, string objective, List<string> problems)
    {
        var (parsed, errors) = ParameterGrid.Parse(grid);
        problems.AddRange(errors);
        if (parsed is not null)
        {
            problems.AddRange(StrategyParameters.Check(parsed));
        }

        if (!Enum.TryParse<SweepObjective>(objective, ignoreCase: true, out var target) || !Enum.IsDefined(target))
        {
            problems.Add($"--objective must be sharpe or return, was '{objective}'");
        }

        return (parsed, target);
    }

    private static bool Report(List<string> problems, TextWriter stderr)
    {
        foreach (var problem in problems.Distinct())
        {
            stderr.WriteLine(problem);
        }

        return problems.Count > 0;
    }

    private static BacktestBars? Load(Inputs inputs, BacktestOptions options, TextWriter stderr)
    {
        var symbols = BacktestCommand.Split(inputs.Symbols).Select(s => s.ToUpperInvariant()).ToList();
        try
        {
            var prepared = BacktestBars.Prepare(BacktestBarFiles.Read(inputs.Bars, symbols), options.From, options.To);
            if (prepared.Bars.Count > 0)
            {
                return prepared;
            }

            stderr.WriteLine($"no regular-session bars of {string.Join(",", symbols)} in {inputs.Bars} between {inputs.From ?? "the start"} and {inputs.To ?? "the end"}");
        }
        catch (BacktestInputException ex)
        {
            stderr.WriteLine(ex.Message);
        }

        return null;
    }

    private static T WithProgress<T>(string label, int total, TextWriter stdout, Func<Action<int, int>, T> run)
    {
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var gate = new object();
            var shown = 0;
            return run((done, all) =>
            {
                lock (gate)
                {
                    // One line per tenth: enough to see it move in a log, few enough to read.
                    if (done * 10 / all > shown || done == all)
                    {
                        shown = done * 10 / all;
                        stdout.WriteLine($"{label}: {done}/{all}");
                    }
                }
            });
        }

        T result = default!;
        AnsiConsole.Progress().Start(ctx =>
        {
            var task = ctx.AddTask(label, maxValue: total);
            result = run((done, _) => task.Value = Math.Max(task.Value, done));
        });
        return result;
    }

    private static int Write(string outFolder, Dictionary<string, string> files, TextWriter stdout, TextWriter stderr, Action<string>? extra, Action summary)
    {
        try
        {
            BacktestOutputFolder.Write(outFolder, files, extra);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"--out {outFolder}: {ex.Message} (nothing was written)");
            return BacktestCommand.BadInput;
        }

        summary();
        stdout.WriteLine($"wrote {Path.GetFullPath(outFolder)}");
        return 0;
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("P4", CultureInfo.InvariantCulture) : "n/a";
}
