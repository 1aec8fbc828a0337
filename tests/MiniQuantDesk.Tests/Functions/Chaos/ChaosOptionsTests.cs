using MiniQuantDesk.Functions.Chaos;
using MiniQuantDesk.Functions.Cli;

namespace MiniQuantDesk.Tests.Functions.Chaos;

/// <summary>A campaign with a bad setting is refused before anything starts, each setting named.</summary>
public sealed class ChaosOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new ChaosOptions().Validate());
    }

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var errors = new ChaosOptions
        {
            Minutes = 0,
            Speed = 0m,
            HandlerKillsPerMinute = double.NaN,
            AzuriteOutageMax = TimeSpan.FromMilliseconds(10),
            BrokerFaultRate = 1,
            StorageCutsPerMinute = 601,
            StorageCutMax = TimeSpan.Zero,
            PhoneChecksPerMinute = -1,
            SettleTimeout = TimeSpan.Zero,
        }.Validate();

        Assert.Equal(9, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("--phone-checks-per-minute", StringComparison.Ordinal) && e.Contains("was -1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--storage-cuts-per-minute", StringComparison.Ordinal) && e.Contains("was 601", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--storage-cut-ms", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--minutes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--speed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--kills-per-minute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--azurite-outage-ms", StringComparison.Ordinal) && e.Contains("was 10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--broker-fault-rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--settle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_command_refuses_a_bad_campaign_without_starting_anything()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await ChaosCommand.RunAsync(new ChaosOptions { AzuriteOutageMax = TimeSpan.FromMinutes(5), WorkDirectory = Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N")) }, stdout, stderr, CancellationToken.None);

        Assert.Equal(BacktestCommand.BadSettings, code);
        Assert.Contains("--azurite-outage-ms must be between 50 and 60000", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }
}
