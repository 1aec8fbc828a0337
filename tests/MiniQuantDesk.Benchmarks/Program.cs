using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MiniQuantDesk.Benchmarks;

// A short in-process job (no per-benchmark project build): 1 launch, 3 warm-ups, 5 measured iterations.
// Then the pandas comparison: tests/MiniQuantDesk.Benchmarks/pandas_signals.py on the same SPY bars.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5);
var config = DefaultConfig.Instance.AddJob(job.AsDefault()).WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (args.Contains("--ml"))
{
    // Shadow-mode inference only (docs/benchmarks.md, issue 7).
    BenchmarkRunner.Run<ShadowInferenceBenchmarks>(config, [.. args.Where(a => a != "--ml")]);
    return;
}

if (args.Length == 2 && args[0] == "--profile")
{
    // For perf (DOTNET_PerfMapEnabled=1 perf record -g ...) and quick A/B checks: the full decision path in a loop
    // for the given seconds; prints the best and the median of its half-second windows (the best is the least disturbed by other load).
    var bench = new DecisionPathBenchmarks();
    bench.Setup();
    var seconds = double.Parse(args[1], CultureInfo.InvariantCulture);
    var clock = Stopwatch.StartNew();
    var windows = new List<double>();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var window = Stopwatch.StartNew();
        var runs = 0;
        while (window.Elapsed.TotalSeconds < 0.5)
        {
            bench.FullDecisionPath_SixSymbols_FourStrategies();
            runs++;
        }

        windows.Add(window.Elapsed.TotalMilliseconds * 1e6 / runs / DecisionPathBenchmarks.BarsAll);
    }

    windows.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full decision path: best {windows[0]:F1} ns/bar, median {windows[windows.Count / 2]:F1} ns/bar over {windows.Count} windows"));
    return;
}

var summary = BenchmarkRunner.Run<DecisionPathBenchmarks>(config, args);

var engine = Mean(summary, nameof(DecisionPathBenchmarks.ReferenceSmaBacktest_Spy));
var full = Mean(summary, nameof(DecisionPathBenchmarks.FullDecisionPath_SixSymbols_FourStrategies));
if (full is { } f)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full decision path: {1e9 / f / 1e6:F2} M bar evaluations/s on one core ({f:F1} ns/bar)"));
}

if (engine is { } e)
{
    var perRunMs = e * DecisionPathBenchmarks.BarsSpy / 1e6;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"desk engine, reference SMA backtest on SPY (whole simulation): {perRunMs:F3} ms per run"));
    var pandas = RunPandas();
    if (pandas is { } p)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pandas, SMA-cross signals only (vectorised): {p:F3} ms per run -> engine is {p / perRunMs:F1}x faster"));
    }
}

static double? Mean(Summary summary, string method)
{
    var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
    return report?.ResultStatistics?.Mean;
}

static double? RunPandas()
{
    var script = Path.Combine(AppContext.BaseDirectory, "pandas_signals.py");
    if (!File.Exists("/usr/bin/python3") || !File.Exists(script))
    {
        Console.WriteLine("pandas comparison skipped: /usr/bin/python3 (Debian's, with python3-pandas) or pandas_signals.py missing");
        return null;
    }

    var start = new ProcessStartInfo("/usr/bin/python3", [script, BenchmarkBars.PathOf("SPY")]) { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    Console.Write(output);
    if (process.ExitCode != 0)
    {
        Console.WriteLine($"pandas comparison failed: {error}");
        return null;
    }

    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("ms_per_run=", StringComparison.Ordinal));
    return line is null ? null : double.Parse(line["ms_per_run=".Length..], CultureInfo.InvariantCulture);
}
