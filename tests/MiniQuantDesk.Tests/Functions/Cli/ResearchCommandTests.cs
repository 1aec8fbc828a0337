using MiniQuantDesk.Functions.Cli;
using MiniQuantDesk.Tests.Domain;

namespace MiniQuantDesk.Tests.Functions.Cli;

/// <summary><c>desk research</c> end to end on fixture files, in a temporary folder.</summary>
public sealed class ResearchCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mqd-research-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public ResearchCommandTests() => Directory.CreateDirectory(_dir);

    private static ResearchCommand.Inputs Spy(string strategy = "sma-crossover") => new("SPY", Fixture.PathOf("bars/1min/SPY.csv"), strategy, null, null, null);

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_sweep_writes_one_csv_row_per_point_and_a_heat_map()
    {
        var code = ResearchCommand.RunSweep(Spy(), "fast=5..15:5,slow=20..30:10", "return", 2, Path.Combine(_dir, "out"), _out, _err);

        Assert.True(code == 0, _err.ToString());
        var csv = File.ReadAllLines(Path.Combine(_dir, "out", "sweep.csv"));
        Assert.Equal("fast,slow,total_return,sharpe,max_drawdown,trades,win_rate,final_equity,invalid", csv[0]);
        Assert.Equal(["5,20,", "5,30,", "10,20,", "10,30,", "15,20,", "15,30,"], csv.Skip(1).Select(l => string.Join(",", l.Split(',').Take(2)) + ","));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(_dir, "out", "heatmap.png"))[..4]);
        Assert.Contains("best by return: fast=", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_grid_is_named_and_nothing_is_written()
    {
        var code = ResearchCommand.RunSweep(Spy(), "fast=5..x,slow=20", "sharpe", 1, Path.Combine(_dir, "out"), _out, _err);

        Assert.Equal(BacktestCommand.BadSettings, code);
        Assert.Contains("--grid axis 'fast': to 'x' is not a number", _err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    [Fact]
    public void Walk_forward_writes_in_and_out_of_sample_side_by_side()
    {
        var code = ResearchCommand.RunWalkForward(Spy(), "fast=5..10:5,slow=20..30:10", "sharpe", 3, 1, 2, Path.Combine(_dir, "wf"), _out, _err);

        Assert.True(code == 0, _err.ToString());
        var csv = File.ReadAllLines(Path.Combine(_dir, "wf", "walkforward.csv"));
        Assert.StartsWith("window,train_from,train_to,test_from,test_to,chosen,is_total_return,", csv[0], StringComparison.Ordinal);
        Assert.Equal(["0,2019-02-11,2019-02-13,2019-02-14,2019-02-14", "1,2019-02-12,2019-02-14,2019-02-15,2019-02-15"], csv.Skip(1).Select(l => string.Join(",", l.Split(',').Take(5))));
        Assert.Contains("efficiency", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bias_on_all_built_in_strategies_passes_on_the_fixture()
    {
        var code = ResearchCommand.RunBias(Spy("all"), _out, _err);

        Assert.True(code == 0, _out.ToString() + _err.ToString());
        Assert.Equal(8, _out.ToString().Split('\n').Count(l => l.Contains(": pass (", StringComparison.Ordinal)));
    }
}
