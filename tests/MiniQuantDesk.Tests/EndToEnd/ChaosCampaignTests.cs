using MiniQuantDesk.Adapters.Simulation.Faults;
using MiniQuantDesk.Functions.Chaos;
using MiniQuantDesk.Functions.Hosting.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Tests.Support;
using Xunit.Abstractions;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// CI's short fault campaigns (fixed seeds): real handler processes killed with SIGKILL, Azurite stopped and
/// restarted on its data, broker and Discord faults, duplicated queue messages and a second instance, then /kill;
/// the audit must find no duplicate, no loss, no mismatch, no crash and no secret in any log or stored record.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ChaosCampaignTests(ITestOutputHelper output)
{
    private async Task<ChaosReport> RunAsync(ChaosOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "mqd-chaos-test-" + Guid.NewGuid().ToString("N")[..8]);
        var lines = new List<string>();
        try
        {
            var report = await ChaosCampaign.RunAsync(options with { WorkDirectory = work }, AppRoot.Load(AppContext.BaseDirectory), work, NullLoggerFactory.Instance, lines.Add, CancellationToken.None);
            using var text = new StringWriter();
            report.Render(text);
            if (!report.Passed)
            {
                throw new Xunit.Sdk.XunitException(string.Join("\n", lines) + "\n" + text);
            }

            // The figures of a passing run too, so a campaign drifting towards a threshold shows in the test log.
            output.WriteLine(text.ToString());

            return report;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Under_every_kind_of_fault_nothing_is_duplicated_or_lost_and_the_kill_switch_cancels_everything()
    {
        // Request faults by the thousand (issue 9's goal for CI): a trader checking from the phone 7.5 times a second
        // gives the broker and Discord traffic of their own (and the queue of reply checks most of its messages), under
        // five wall minutes of faults carry ~2,000 queue messages, and storage cuts are short so storage is reachable
        // most of the time and the order path still runs.
        var report = await RunAsync(new ChaosOptions
        {
            Minutes = 56,
            Speed = 12m,
            Seed = 20261124,
            HandlerKillsPerMinute = 10,
            AzuriteRestartsPerMinute = 2,
            SecondInstanceSwitchesPerMinute = 6,
            StorageCutsPerMinute = 300,
            StorageCutMax = TimeSpan.FromMilliseconds(50),
            PhoneChecksPerMinute = 450,
            BrokerFaultRate = 0.5,
            DiscordFaultRate = 0.6,
            DuplicateRate = 0.95,
        });

        // Each kind of fault really happened (a campaign that injected nothing would pass trivially); request faults
        // by the thousand, process faults (each a second or more of real time) by the ten.
        Assert.True(report.HandlerKills >= 20, $"{report.HandlerKills} kills");
        Assert.True(report.AzuriteRestarts >= 4, $"{report.AzuriteRestarts} Azurite restarts");
        Assert.True(report.StorageCuts >= 1_000, $"{report.StorageCuts} storage cuts");
        Assert.True(report.StorageSevered >= 100, $"{report.StorageSevered} connections reset in flight");
        Assert.True(report.SecondInstanceWindows >= 3, $"{report.SecondInstanceWindows} second-instance windows");
        Assert.True(report.BrokerFaultTotal >= 1_000, $"{report.BrokerFaultTotal} broker faults");
        Assert.All(new[] { SimulatedFaultKind.RateLimit, SimulatedFaultKind.ServerError, SimulatedFaultKind.Slow, SimulatedFaultKind.Drop },
            kind => Assert.True(report.BrokerFaults[kind] >= 100, $"{report.BrokerFaults[kind]} broker {kind} faults"));
        Assert.True(report.Phone.Checks >= 600, $"{report.Phone.Checks} checks from the phone");
        Assert.Equal(0, report.Phone.Unanswered);
        Assert.True(report.Phone.AnsweredByRescue >= 1, "no reply lost with a killed handler was rescued (10 kills a minute lose some)");
        Assert.True(report.DiscordRateLimited + report.DiscordServerErrors >= 1_000 && report.DiscordRateLimited >= 300 && report.DiscordServerErrors >= 300,
            $"Discord faults: {report.DiscordRateLimited} 429, {report.DiscordServerErrors} 5xx");
        Assert.True(report.DuplicatedOutputs + report.Redeliveries >= 1_000, $"{report.DuplicatedOutputs + report.Redeliveries} duplicate deliveries");
        Assert.True(report.Placed >= 3, $"only {report.Placed} orders placed: the campaign tested little");

        Assert.Equal(0, report.Duplicated);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.PositionMismatches);
        Assert.Equal(0m, report.PnlDifference);
        Assert.Equal(0, report.NotificationsLost);
        Assert.Equal(0, report.HostCrashes);
        Assert.True(report.Kill.RestingOpenAtSwitch >= 1, "no resting order to cancel");
        Assert.True(report.Kill.RestingCancelled >= report.Kill.RestingOpenAtSwitch, "a resting order survived the kill");
        Assert.Equal(0, report.Kill.LiveAfterSwitch); // a send in flight at the switch may land, but is cancelled unfilled
        Assert.Equal(0, report.Kill.ReachedAfterDone);
        Assert.Empty(report.SecretScan!.Hits);
        Assert.True(report.SecretScan.Files >= 5, "the scan read the logs and Azurite's files");
    }

    [Fact]
    public async Task With_Discord_down_for_the_whole_replay_every_notification_arrives_after_it_returns()
    {
        var report = await RunAsync(new ChaosOptions
        {
            Minutes = 25,
            Seed = 7,
            HandlerKillsPerMinute = 0,
            AzuriteRestartsPerMinute = 0,
            SecondInstanceSwitchesPerMinute = 0,
            StorageCutsPerMinute = 0,
            BrokerFaultRate = 0,
            DiscordFaultRate = 0,
            DuplicateRate = 0,
            DiscordDown = true,
        });

        Assert.True(report.DiscordServerErrors >= 3, $"Discord refused only {report.DiscordServerErrors} posts while down");
        Assert.True(report.Notifications >= 3, $"{report.Notifications} notifications");
        Assert.Equal(0, report.Phone.Checks); // with Discord down the trader cannot send commands
        Assert.Equal(0, report.NotificationsLost);
    }
}
