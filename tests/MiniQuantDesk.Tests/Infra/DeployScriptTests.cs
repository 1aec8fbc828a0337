namespace MiniQuantDesk.Tests.Infra;

/// <summary>infra/deploy.sh's refusals, which happen before it needs the Azure CLI (so they run here).</summary>
public sealed class DeployScriptTests
{
    [Fact]
    public async Task Live_trading_is_refused_without_the_explicit_flag()
    {
        var run = await ScriptRun.RunAsync("deploy.sh", ["--resource-group", "rg-desk", "--trading-mode", "live"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refusing --trading-mode live without --i-understand-live-trading", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_trading_cannot_slip_in_as_a_raw_template_parameter()
    {
        var run = await ScriptRun.RunAsync("deploy.sh", ["--resource-group", "rg-desk", "--param", "tradingMode=live"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("set tradingMode with its own option", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_flag_live_passes_the_refusal_and_stops_only_at_the_missing_azure_cli()
    {
        // A PATH with only what the script needs before that point, so no az even where one is installed.
        var bin = Directory.CreateTempSubdirectory("mqd-path-");
        File.CreateSymbolicLink(Path.Combine(bin.FullName, "dirname"), "/usr/bin/dirname");
        var run = await ScriptRun.RunAsync("deploy.sh", ["--resource-group", "rg-desk", "--trading-mode", "live", "--i-understand-live-trading"],
            new Dictionary<string, string> { ["PATH"] = bin.FullName });
        bin.Delete(recursive: true);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("refusing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the Azure CLI (az) is required", run.Stderr, StringComparison.Ordinal);
    }
}
