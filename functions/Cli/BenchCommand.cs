using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Diagnostics;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk bench minute</c>: runs a replayed stretch of a session through the local host with host.json as it
/// deploys, recording proxies in front of Azurite and the simulated broker, and prints the bar-to-order
/// latency (p50/p99), the storage transactions per trading minute, and the round trips measured in the same run.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var minutes = new Option<int>("--minutes") { Description = "simulated minutes to run", DefaultValueFactory = _ => 60 };
        var speed = new Option<decimal>("--speed") { Description = "simulated market speed", DefaultValueFactory = _ => 60m };
        var start = new Option<string>("--start") { Description = "market time to start (UTC ISO)", DefaultValueFactory = _ => "2019-02-12T15:00:00Z" };
        var minute = new Command("minute", "Measure the live minute: bar-to-order latency and storage transactions") { minutes, speed, start };
        minute.SetAction(async (parse, ct) => await RunAsync(parse.GetValue(minutes), parse.GetValue(speed), DateTimeOffset.Parse(parse.GetValue(start)!, CultureInfo.InvariantCulture), ct));
        return new Command("bench", "Measurements of the running desk") { minute };
    }

    private static async Task<int> RunAsync(int minutes, decimal speed, DateTimeOffset start, CancellationToken ct)
    {
        using var loggers = LoggerFactory.Create(b => HandlerServer.ConfigureLogging(b.SetMinimumLevel(LogLevel.Warning)));
        await using var azurite = await AzuriteProcess.StartAsync(ct: ct);
        await using var blob = await RecordingProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.BlobPort}"));
        await using var queue = await RecordingProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.QueuePort}"));
        await using var table = await RecordingProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.TablePort}"));
        await using var market = await SimulatedMarket.StartAsync(new SimulatedMarketOptions { Speed = speed, MarketStart = start, KeyId = "k", SecretKey = "s" }, TimeProvider.System, ct);
        await using var brokerProxy = await RecordingProxy.StartAsync(market.BaseAddress);

        var viaProxies = AzuriteProcess.ConnectionStringFor(blob.Port, queue.Port, table.Port);
        var broker = brokerProxy.BaseAddress.ToString().TrimEnd('/');
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = viaProxies,
            ["Alpaca__TradingBaseUrl"] = broker,
            ["Alpaca__DataBaseUrl"] = broker,
            ["Alpaca__KeyId"] = "k",
            ["Alpaca__SecretKey"] = "s",
            ["Desk__Symbols"] = string.Join(",", market.Symbols),
            ["Risk__MaxOrderNotionalUsd"] = "60000",
            ["Risk__MaxPositionSizeUsd"] = "60000",
            ["Risk__MaxPortfolioExposureUsd"] = "200000",
            [SimulatedClock.EnvironmentVariable] = market.Clock.Format(),
        };
        var app = AppRoot.Load(AppContext.BaseDirectory);
        var handler = new HandlerProcess(app, environment, loggers.CreateLogger("Host.Handler"));
        // The host's own polling goes straight to Azurite: only the desk's transactions are counted per minute.
        var hostStorage = new StorageAccount(new StorageOptions(azurite.ConnectionString, null, null));
        var marketTime = new SimulatedTimeProvider(market.Clock, TimeProvider.System);
        await using (var host = new LocalFunctionsHost(app, handler, hostStorage, marketTime, loggers))
        {
            await host.StartAsync(0, ct);
            var firstMinute = Floor(market.Now).AddMinutes(1);
            var end = firstMinute.AddMinutes(minutes);
            Console.WriteLine($"running {minutes} simulated minutes at {speed}x from {firstMinute:O} ...");
            var storageBefore = 0;
            while (market.Now < firstMinute)
            {
                await Task.Delay(50, ct);
            }

            storageBefore = blob.Requests.Count + queue.Requests.Count + table.Requests.Count;
            while (market.Now < end)
            {
                await Task.Delay(200, ct);
            }

            var storageTotal = blob.Requests.Count + queue.Requests.Count + table.Requests.Count - storageBefore;
            var orders = brokerProxy.Requests.Where(r => r.Method == "POST" && r.Path == "/v2/orders").ToList();
            var latencies = orders
                .Select(r => (r.At - market.Clock.RealInstantOf(Floor(market.Clock.At(r.At)))).TotalMilliseconds)
                .Order()
                .ToList();
            Report(minutes, latencies, storageTotal, blob, queue, table);
        }

        await MeasureRoundTripsAsync(azurite, market, ct);
        return 0;
    }

    private static void Report(int minutes, List<double> latencies, int storageTotal, RecordingProxy blob, RecordingProxy queue, RecordingProxy table)
    {
        Console.WriteLine(FormattableString.Invariant($"orders sent: {latencies.Count}"));
        if (latencies.Count > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"bar-to-order latency (minute boundary → order at the broker): p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms"));
        }

        Console.WriteLine(FormattableString.Invariant($"desk storage transactions: {storageTotal} in {minutes} minutes = {storageTotal / (double)minutes:F1} per trading minute (blob {blob.Requests.Count}, queue {queue.Requests.Count}, table {table.Requests.Count} incl. start-up)"));
    }

    /// <summary>The floor: one sequential round trip of each kind the minute's critical path is made of.</summary>
    private static async Task MeasureRoundTripsAsync(AzuriteProcess azurite, SimulatedMarket market, CancellationToken ct)
    {
        var storage = new StorageAccount(new StorageOptions(azurite.ConnectionString, null, null));
        var probe = storage.Table("rttprobe");
        await probe.CreateIfNotExistsAsync(ct);
        await probe.UpsertEntityAsync(new TableEntity("p", "r"), cancellationToken: ct);
        var q = storage.Queue("rttprobe");
        await q.CreateIfNotExistsAsync(cancellationToken: ct);
        var client = AlpacaTradingClient.Create(new AlpacaOptions { KeyId = "k", SecretKey = "s", TradingBaseUrl = market.BaseAddress, DataBaseUrl = market.BaseAddress });
        var tableRtt = await MedianAsync(() => probe.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: ct));
        var queueRtt = await MedianAsync(() => q.SendMessageAsync("{}", ct));
        var brokerRtt = await MedianAsync(() => client.GetClockAsync(ct));
        // Sequential steps on the path, counted from the code (docs/benchmarks.md lists them).
        const int tableSteps = 22, queueSteps = 4, brokerSteps = 7;
        var floor = (tableSteps * tableRtt) + (queueSteps * queueRtt) + (brokerSteps * brokerRtt);
        Console.WriteLine(FormattableString.Invariant($"round trips (median of 50): table {tableRtt:F2} ms, queue {queueRtt:F2} ms, broker {brokerRtt:F2} ms"));
        Console.WriteLine(FormattableString.Invariant($"sum of unavoidable round trips ({tableSteps} table + {queueSteps} queue + {brokerSteps} broker): {floor:F1} ms"));
    }

    private static async Task<double> MedianAsync<T>(Func<Task<T>> call)
    {
        var samples = new List<double>();
        for (var i = 0; i < 55; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            if (i >= 5)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), t.Offset);
}
