using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Research;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Research;
using MiniQuantDesk.Functions.Configuration;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk record</c>: the paper track record from storage (per session: fills, P&amp;L, drawdown, risk events,
/// drift, parity against the backtest on the same stored bars) and the live gate's verdict for the configuration
/// the settings describe. <c>desk record resolve-drift</c> logs a person's word that a drift is dealt with.
/// Settings and storage come from the environment, as for the handler (AzureWebJobsStorage, Desk__*, LiveGate__*).
/// Exit codes: 0 shown (whatever the verdict), 2 storage unreachable, 78 bad setting.
/// </summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Sessions of the last N days (default LiveGate:LookbackDays)", DefaultValueFactory = _ => 0 };
        var parity = new Option<bool>("--parity") { Description = "Also list every backtest fill vs desk fill: slippage, missed and extra trades" };
        var record = new Command("record", "Show the paper track record, its parity with the backtest, and the live gate's verdict") { days, parity };
        record.SetAction(async (parse, ct) => await ShowAsync(Configuration(), parse.GetValue(days), parse.GetValue(parity), TimeProvider.System, Console.Out, Console.Error, ct));

        var symbol = new Option<string>("--symbol") { Description = "The symbol whose drift is resolved, or * for all", Required = true };
        var note = new Option<string>("--note") { Description = "What was done (e.g. 'closed the stray 5 shares at the broker')", Required = true };
        var by = new Option<string>("--by") { Description = "Who resolved it", DefaultValueFactory = _ => Environment.UserName };
        var resolve = new Command("resolve-drift", "Log that a position drift was checked and resolved (the live gate needs no unresolved drift)") { symbol, note, by };
        resolve.SetAction(async (parse, ct) =>
        {
            var settings = Settings(Configuration(), Console.Error);
            if (settings is null)
            {
                return BacktestCommand.BadSettings;
            }

            var storage = new StorageAccount(settings.Storage);
            await Store(storage).AppendDriftResolutionAsync(parse.GetValue(symbol)!.ToUpperInvariant(), parse.GetValue(by)!, parse.GetValue(note)!, TimeProvider.System.GetUtcNow(), ct);
            Console.Out.WriteLine($"logged: drift on {parse.GetValue(symbol)} resolved by {parse.GetValue(by)}");
            return 0;
        });
        record.Add(resolve);
        return record;
    }

    public static async Task<int> ShowAsync(IConfiguration configuration, int days, bool parity, TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var settings = Settings(configuration, stderr);
        if (settings is null)
        {
            return BacktestCommand.BadSettings;
        }

        var today = NewYorkTime.SessionDate(time.GetUtcNow());
        var from = today.AddDays(-(days > 0 ? days : settings.LiveGate.LookbackDays));
        TrackRecord record;
        try
        {
            var input = await Store(new StorageAccount(settings.Storage)).ReadAsync(from, today, ct);
            record = TrackRecordBuilder.Build(input, settings.LiveGate.RecordOptions);
        }
        catch (Azure.RequestFailedException ex)
        {
            stderr.WriteLine($"storage ({settings.Storage}): {ex.Message}");
            return BacktestCommand.BadInput;
        }

        var config = new DeskConfiguration(settings.Desk.Strategies, settings.Desk.Symbols, settings.Strategies, settings.Portfolio);
        Render(record, LiveGate.Evaluate(record, config.Fingerprint, settings.LiveGate, settings.Risk.MaxDrawdownPct), parity, stdout);
        return 0;
    }

    /// <summary>The record as text: one line per session, the totals, unresolved drift, the gate's verdict.</summary>
    public static void Render(TrackRecord record, LiveGateVerdict verdict, bool parity, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(stdout);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine("session     mode   config        fills        P&L   drawdown  risk  drift  parity (matched/missed/extra, mean slippage)");
        foreach (var s in record.Sessions)
        {
            var p = s.Parity is { } r
                ? string.Create(c, $"{r.Matched.Count}/{r.Missed.Count}/{r.Extra.Count}, {(r.MeanSlippageBps is { } bps ? bps.ToString("F2", c) + " bps" : "n/a")}")
                : s.ParityNote ?? "n/a";
            stdout.WriteLine(string.Create(c, $"{s.Session:yyyy-MM-dd}  {s.Mode,-5}  {s.Fingerprint ?? "?",-12}  {s.Fills.Count,5}  {s.Pnl,9:F2}  {s.MaxDrawdownUsd,9:F2}  {s.RiskEvents,4}  {s.Drifts,5}  {p}"));
            if (parity && s.Parity is { } detail)
            {
                foreach (var m in detail.Matched)
                {
                    stdout.WriteLine(string.Create(c, $"    {m.Expected.Side} {m.Expected.Symbol} bar {m.Expected.At.UtcDateTime:HH:mm}Z backtest {m.Expected.Quantity}@{m.Expected.Price} desk {m.Actual.Quantity}@{m.Actual.Price} at {m.Actual.At.UtcDateTime:HH:mm:ss}Z: slippage {m.SlippagePerShare:F4}/share ({m.SlippageBps:F2} bps)"));
                }

                foreach (var m in detail.Missed)
                {
                    stdout.WriteLine(string.Create(c, $"    MISSED {m.Side} {m.Symbol} bar {m.At.UtcDateTime:HH:mm}Z: backtest {m.Quantity}@{m.Price}, the desk did not fill"));
                }

                foreach (var e in detail.Extra)
                {
                    stdout.WriteLine(string.Create(c, $"    EXTRA {e.Side} {e.Symbol} {e.Quantity}@{e.Price} at {e.At.UtcDateTime:HH:mm:ss}Z ({e.ClientOrderId}): no backtest fill"));
                }
            }
        }

        var paper = record.Sessions.Where(s => s.IsPaper).ToList();
        stdout.WriteLine(string.Create(c, $"{paper.Count} paper sessions, P&L {paper.Sum(s => s.Pnl):F2}, max drawdown {record.MaxDrawdownPct(paper):F2}% of {record.StartingEquity:F0}"));
        foreach (var d in record.UnresolvedDrifts)
        {
            stdout.WriteLine(string.Create(c, $"UNRESOLVED DRIFT {d.Symbol} at {d.At.UtcDateTime:yyyy-MM-dd HH:mm}Z: desk {d.Desk}, broker {d.Broker}"));
        }

        stdout.WriteLine(verdict.Passed
            ? $"live gate: PASSED for configuration {verdict.Fingerprint} ({verdict.Sessions} paper sessions)"
            : $"live gate: NOT MET for configuration {verdict.Fingerprint} ({verdict.Sessions} paper sessions):");
        foreach (var f in verdict.Failures)
        {
            stdout.WriteLine("  - " + f.Reason);
        }
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private static DeskSettings? Settings(IConfiguration configuration, TextWriter stderr)
    {
        try
        {
            var withDefaults = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [StorageOptions.Setting] = "UseDevelopmentStorage=true" })
                .AddConfiguration(configuration)
                .Build();
            return DeskSettings.Load(withDefaults);
        }
        catch (SettingsException ex)
        {
            stderr.WriteLine(ex.Message);
            return null;
        }
    }

    private static PaperRecordStore Store(StorageAccount storage) => new(new TransactionLog(storage), new OrderStore(storage), new BarStore(storage));
}
