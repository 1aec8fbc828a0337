using MiniQuantDesk.Functions.Fuzzing;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Fuzzing;

/// <summary>
/// The short, seeded campaign over the in-process entry points (the bulk of CI's fuzzed inputs): invocation and
/// queue-message parsing, the broker's bar JSON through the market-data client and the intake, and the settings.
/// Each asserts no crash and no unclear refusal, and that the inputs reached both the accepting and the refusing
/// paths (a generator that only produced garbage would prove nothing).
/// </summary>
public sealed class InProcessFuzzTests
{
    private const ulong Seed = 20250314;

    [Fact]
    public void Invocation_and_queue_message_parsing_never_crashes_and_refuses_clearly()
    {
        var tally = InvocationParserTarget.Run(AppRoot.Load(AppContext.BaseDirectory), 60_000, Seed);

        AssertClean(tally);
        Assert.Equal(60_000, tally.Inputs);
        Assert.True(tally.Accepted > 1_000, $"only {tally.Accepted} accepted: the mutations do not get past the first parse");
        Assert.True(tally.Refused > 10_000, $"only {tally.Refused} refused");
    }

    [Fact]
    public async Task Broker_bar_json_is_read_or_refused_with_an_alpaca_error_and_the_intake_never_crashes()
    {
        var tally = await BrokerBarsTarget.RunAsync(30_000, Seed, CancellationToken.None);

        AssertClean(tally);
        Assert.True(tally.Accepted > 1_000, $"only {tally.Accepted} accepted");
        Assert.True(tally.Refused > 1_000, $"only {tally.Refused} refused");
    }

    [Fact]
    public void Every_setting_is_accepted_or_refused_with_an_error_naming_a_setting()
    {
        var example = LocalSettings.Load(FuzzCampaign.FindSettingsExample(AppContext.BaseDirectory)).Values;
        var tally = SettingsTarget.Run(example, 6_000, Seed);

        AssertClean(tally);
        Assert.True(tally.Accepted > 100, $"only {tally.Accepted} accepted");
        Assert.True(tally.Refused > 500, $"only {tally.Refused} refused");
    }

    private static void AssertClean(FuzzTally tally)
    {
        var findings = string.Join(Environment.NewLine, tally.Findings.Select(f => $"{f.Kind}: {f.Detail} <- {f.Input}"));
        Assert.True(!tally.Failed, $"{tally.EntryPoint}: {tally.Crashes} crashes, {tally.Unclear} unclear, {tally.StateChanges} state changes{Environment.NewLine}{findings}");
    }
}
