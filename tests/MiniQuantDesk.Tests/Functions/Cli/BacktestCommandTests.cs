using MiniQuantDesk.Functions.Cli;
using MiniQuantDesk.Tests.Domain;

namespace MiniQuantDesk.Tests.Functions.Cli;

/// <summary><c>desk backtest</c> end to end on fixture files, in a temporary folder.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mqd-backtest-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public BacktestCommandTests() => Directory.CreateDirectory(_dir);

    private string Out => Path.Combine(_dir, "out");

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_reference_run_writes_the_reference_files_and_a_png()
    {
        var code = BacktestCommand.Run("SPY", "2019-02-11", "2019-02-15", "sma-crossover", Fixture.PathOf("bars/1min/SPY.csv"), Out, null, _out, _err);

        Assert.True(code == 0, _err.ToString());
        // The reference prints the same formats, so the files are byte-identical (SPEC §5).
        Assert.Equal(File.ReadAllText(Fixture.PathOf("backtest/reference/primary/equity.csv")), File.ReadAllText(Path.Combine(Out, "equity.csv")));
        Assert.Equal(File.ReadAllText(Fixture.PathOf("backtest/reference/primary/trades.csv")), File.ReadAllText(Path.Combine(Out, "trades.csv")));
        Assert.Contains("\"n_trades\": 44", File.ReadAllText(Path.Combine(Out, "summary.json")), StringComparison.Ordinal);
        var png = File.ReadAllBytes(Path.Combine(Out, "equity.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("44 trades", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetDirectories(_dir), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void A_malformed_bar_file_is_named_by_line_and_field_and_nothing_is_written()
    {
        var lines = File.ReadAllLines(Fixture.PathOf("bars/1min/SPY.csv"));
        lines[3] = "2019-02-11T14:32:00Z,271.2,271.3,271.1,abc,1000";
        var bad = Path.Combine(_dir, "SPY.csv");
        File.WriteAllLines(bad, lines);

        var code = BacktestCommand.Run("SPY", null, null, "sma-crossover", bad, Out, null, _out, _err);

        Assert.Equal(BacktestCommand.BadInput, code);
        Assert.Contains("line 4, field close: 'abc' is not a decimal number", _err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_failed_run_leaves_an_earlier_output_folder_as_it_was()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "trades.csv"), "earlier run");

        var code = BacktestCommand.Run("SPY", null, null, "sma-crossover", Path.Combine(_dir, "missing.csv"), Out, null, _out, _err);

        Assert.Equal(BacktestCommand.BadInput, code);
        Assert.Contains("no such file or folder", _err.ToString(), StringComparison.Ordinal);
        Assert.Equal("earlier run", File.ReadAllText(Path.Combine(Out, "trades.csv")));
    }

    [Fact]
    public void An_unknown_strategy_is_refused_naming_it_and_the_known_ones()
    {
        var code = BacktestCommand.Run("SPY", null, null, "sma-crossover,moon-phase", Fixture.PathOf("bars/1min/SPY.csv"), Out, null, _out, _err);

        Assert.Equal(BacktestCommand.BadSettings, code);
        Assert.Contains("unknown strategy 'moon-phase'; known strategies: sma-crossover, rsi-mean-reversion, bollinger-reversion, vwap-reversion", _err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Bad_settings_and_dates_are_each_named()
    {
        var settings = Path.Combine(_dir, "settings.json");
        File.WriteAllText(settings, """{ "Strategies": { "SmaCrossover": { "Fast": 30, "Slow": 10 } }, "Portfolio": { "Allocation": 2 } }""");

        var code = BacktestCommand.Run("SPY", "2019-13-01", null, "sma-crossover", Fixture.PathOf("bars/1min/SPY.csv"), Out, settings, _out, _err);

        Assert.Equal(BacktestCommand.BadSettings, code);
        var errors = _err.ToString();
        Assert.Contains("Strategies:SmaCrossover:Fast must be < Slow, was 30 vs 10", errors, StringComparison.Ordinal);
        Assert.Contains("Portfolio:Allocation must be > 0 and <= 1, was 2", errors, StringComparison.Ordinal);
        Assert.Contains("--from must be a date like 2019-02-11, was '2019-13-01'", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_folder_of_bar_files_runs_several_symbols()
    {
        var code = BacktestCommand.Run("QQQ,MSFT", null, null, "sma-crossover", Fixture.PathOf("backtest/bars/1min"), Out, null, _out, _err);

        Assert.True(code == 0, _err.ToString());
        var trades = File.ReadAllLines(Path.Combine(Out, "trades.csv"));
        Assert.Equal("symbol,entry_time,entry_price,exit_time,exit_price,qty,pnl,exit_reason", trades[0]);
        Assert.Contains(trades, t => t.StartsWith("QQQ,", StringComparison.Ordinal));
        Assert.Contains(trades, t => t.StartsWith("MSFT,", StringComparison.Ordinal));
    }
}
