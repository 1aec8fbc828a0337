using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Backtest;
using MiniQuantDesk.Domain.Backtest;
using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Strategies;
using ScottPlot;
using Spectre.Console;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk backtest</c>: reads bar CSVs, runs <see cref="BacktestEngine"/> (the live decision code on
/// simulated fills) and writes trades.csv, equity.csv, summary.json and equity.png into <c>--out</c>, all or
/// nothing. Exit codes: 0 done, 2 bad input (bar file, option), 78 bad setting.
/// </summary>
public static class BacktestCommand
{
    public const int BadInput = 2;
    public const int BadSettings = 78;

    public static Command Create()
    {
        var symbols = new Option<string>("--symbols") { Description = "Symbols, comma-separated (SPY or SPY,QQQ)", Required = true };
        var from = new Option<string?>("--from") { Description = "First session date to trade, yyyy-MM-dd (New York date; default: the first bar)" };
        var to = new Option<string?>("--to") { Description = "Last session date to trade, yyyy-MM-dd (inclusive; default: the last bar)" };
        var strategy = new Option<string>("--strategy")
        {
            Description = $"Strategies, comma-separated: {string.Join(", ", StrategyCatalog.Names)}",
            DefaultValueFactory = _ => SmaCrossover.CatalogName,
        };
        var bars = new Option<string>("--bars") { Description = "A bar CSV (timestamp_utc,open,high,low,close,volume) or a folder of <SYMBOL>.csv", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for trades.csv, equity.csv, summary.json, equity.png", DefaultValueFactory = _ => "backtest-out" };
        var settings = new Option<string?>("--settings")
        {
            Description = "JSON settings: sections Backtest (InitialCash, CommissionPerShare, CommissionFixed), Strategies, Indicators, Portfolio, Risk (default: the reference backtest's, no binding risk limits)",
        };
        var open = new Option<bool>("--open") { Description = "Also write report.html (equity curve, drawdown, trades) and open it in a browser when one is at hand" };
        var command = new Command("backtest", "Backtest strategies on CSV bars with the desk's own indicators, strategies, portfolio, risk and accounting")
        {
            symbols, from, to, strategy, bars, output, settings, open,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(symbols)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(strategy)!,
            parse.GetValue(bars)!, parse.GetValue(output)!, parse.GetValue(settings), Console.Out, Console.Error, parse.GetValue(open) ? BacktestReportOpener.Launch : null)));
        return command;
    }

    /// <summary>The verb's body, callable from tests with any writers.</summary>
    /// <param name="openReport">When set (<c>--open</c>), report.html is written too and handed to it.</param>
    public static int Run(string symbolList, string? from, string? to, string strategyList, string barsPath, string outFolder, string? settingsPath, TextWriter stdout, TextWriter stderr, Action<string, TextWriter>? openReport = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var symbols = Split(symbolList).Select(s => s.ToUpperInvariant()).ToList();
        var problems = new List<string>();
        var options = LoadOptions(settingsPath, problems) with
        {
            Strategies = Split(strategyList),
            From = Date("--from", from, problems),
            To = Date("--to", to, problems),
        };
        problems.AddRange(options.Validate());
        if (symbols.Count == 0)
        {
            problems.Add("--symbols must name at least one symbol");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems.Distinct())
            {
                stderr.WriteLine(problem);
            }

            return BadSettings;
        }

        try
        {
            var input = BacktestBarFiles.Read(barsPath, symbols);
            var prepared = BacktestBars.Prepare(input, options.From, options.To);
            if (prepared.Bars.Count == 0)
            {
                stderr.WriteLine($"no regular-session bars of {string.Join(",", symbols)} in {barsPath} between {from ?? "the start"} and {to ?? "the end"}");
                return BadInput;
            }

            var result = RunWithProgress(prepared, options, stdout);
            var files = new Dictionary<string, string>
            {
                ["trades.csv"] = BacktestReport.TradesCsv(result),
                ["equity.csv"] = BacktestReport.EquityCsv(result),
                ["summary.json"] = BacktestReport.SummaryJson(result, options, barsPath),
            };
            if (openReport is not null)
            {
                files["report.html"] = BacktestHtmlReport.Html(result, options);
            }

            BacktestOutputFolder.Write(outFolder, files, folder => EquityChart(result, options, Path.Combine(folder, "equity.png")));
            var s = result.Summary;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(",", result.Symbols)} {options.Strategies.Count} strateg{(options.Strategies.Count == 1 ? "y" : "ies")}: {s.BarsUsed} bars, {s.Sessions} sessions, {s.Trades} trades, final equity {s.FinalEquity:F2} ({s.TotalReturn:P3}), max drawdown {s.MaxDrawdown:P3}, Sharpe {s.Sharpe?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a"}, {result.Refusals.Count} refused by risk"));
            stdout.WriteLine($"wrote {Path.GetFullPath(outFolder)}/{{trades.csv,equity.csv,summary.json,equity.png{(openReport is null ? "" : ",report.html")}}}");
            openReport?.Invoke(Path.Combine(Path.GetFullPath(outFolder), "report.html"), stdout);
            return 0;
        }
        catch (BacktestInputException ex)
        {
            stderr.WriteLine(ex.Message);
            return BadInput;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"--out {outFolder}: {ex.Message} (nothing was written)");
            return BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine($"--out {outFolder}: {ex.Message} (nothing was written)");
            return BadInput;
        }
    }

    private static BacktestResult RunWithProgress(BacktestBars prepared, BacktestOptions options, TextWriter stdout)
    {
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            stdout.WriteLine($"backtest: {prepared.Bars.Count} bars of {string.Join(",", prepared.Symbols)}, strategies {string.Join("+", options.Strategies)}");
            return BacktestEngine.Run(prepared, options);
        }

        BacktestResult? result = null;
        AnsiConsole.Progress().Start(ctx =>
        {
            var task = ctx.AddTask($"backtest {string.Join(",", prepared.Symbols)}", maxValue: prepared.Bars.Count);
            result = BacktestEngine.Run(prepared, options, (done, _) => task.Value = done);
        });
        return result!;
    }

    internal static BacktestOptions LoadOptions(string? settingsPath, List<string> problems)
    {
        var defaults = new BacktestOptions();
        if (settingsPath is null)
        {
            return defaults;
        }

        if (!File.Exists(settingsPath))
        {
            problems.Add($"--settings {settingsPath}: no such file");
            return defaults;
        }

        try
        {
            var config = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(settingsPath), optional: false).Build();
            var backtest = config.GetSection(BacktestOptions.SectionName);
            return defaults with
            {
                InitialCash = backtest.GetValue(nameof(BacktestOptions.InitialCash), defaults.InitialCash),
                Commission = new CommissionModel(backtest.GetValue("CommissionPerShare", 0m), backtest.GetValue("CommissionFixed", 0m)),
                StrategySettings = config.GetSection(StrategyOptions.SectionName).Get<StrategyOptions>() ?? new StrategyOptions(),
                Indicators = config.GetSection(IndicatorSetOptions.Section).Get<IndicatorSetOptions>() ?? new IndicatorSetOptions(),
                Portfolio = config.GetSection(PortfolioOptions.SectionName).Get<PortfolioOptions>() ?? new PortfolioOptions(),
                Risk = config.GetSection(RiskOptions.SectionName).Exists() ? config.GetSection(RiskOptions.SectionName).Get<RiskOptions>()! : BacktestOptions.Unconstrained(),
            };
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key: "Failed to convert configuration value 'x' at 'Strategies:SmaCrossover:Fast' ..."
            problems.Add($"--settings {settingsPath}: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            problems.Add($"--settings {settingsPath}: {ex.Message}");
        }
        catch (FormatException ex)
        {
            problems.Add($"--settings {settingsPath}: {ex.Message}");
        }

        return defaults;
    }

    internal static DateOnly? Date(string option, string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{option} must be a date like 2019-02-11, was '{text}'");
        return null;
    }

    internal static List<string> Split(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The equity curve over bar index (no overnight gaps), one tick per session, the starting cash dashed.</summary>
    private static void EquityChart(BacktestResult result, BacktestOptions options, string path)
    {
        var equity = result.Equity;
        var xs = new double[equity.Count];
        var ys = new double[equity.Count];
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var lastSession = default(DateOnly);
        for (var i = 0; i < equity.Count; i++)
        {
            xs[i] = i;
            ys[i] = (double)equity[i].Equity;
            var session = Domain.MarketData.NewYorkTime.SessionDate(equity[i].Time);
            if (session != lastSession)
            {
                ticks.AddMajor(i, session.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                lastSession = session;
            }
        }

        var plot = new Plot();
        var start = plot.Add.HorizontalLine((double)options.InitialCash);
        start.LinePattern = LinePattern.Dashed;
        start.Color = Colors.Gray;
        var curve = plot.Add.ScatterLine(xs, ys);
        curve.LineWidth = 1.5f;
        curve.Color = Colors.SteelBlue;
        plot.Axes.Bottom.TickGenerator = ticks;
        var s = result.Summary;
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(",", result.Symbols)} {string.Join("+", options.Strategies)}: {s.TotalReturn:P2}, {s.Trades} trades, max DD {s.MaxDrawdown:P2}, Sharpe {s.Sharpe?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"}"));
        plot.YLabel("Equity (USD)");
        plot.XLabel("Session (New York), one point per minute bar");
        plot.SavePng(path, 1200, 600);
    }
}
