using MiniQuantDesk.Functions.Fuzzing;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Fuzzing;

/// <summary>
/// The short, seeded campaign against the running desk: the real handler process behind the local host, on
/// Azurite, with the simulated market. Every answer must be well-formed (no 500, no stack, no dropped connection),
/// every refusal must say why, the handler must never restart, and no refused input may change storage.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeskHttpFuzzTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const ulong Seed = 20250314;

    [Fact]
    public async Task Every_http_entry_point_and_invocation_answers_clearly_and_refused_input_changes_no_state()
    {
        await using var desk = await FuzzDesk.StartAsync(azurite.ConnectionString, null, CancellationToken.None);
        var budget = new FuzzBudget(0, 0, 0, Interactions: 1_200, Health: 200, Dashboard: 500, Invocations: 2_500);

        var tallies = await FuzzCampaign.HttpAsync(desk, budget, Seed, CancellationToken.None);

        Assert.Equal(0, desk.Handler.Restarts);
        var report = string.Join(Environment.NewLine, tallies.SelectMany(t => t.Findings.Select(f => $"{t.EntryPoint} {f.Kind}: {f.Detail} <- {f.Input}")));
        foreach (var tally in tallies)
        {
            Assert.True(!tally.Failed, $"{tally.EntryPoint}: {tally.Crashes} crashes, {tally.Unclear} unclear, {tally.StateChanges} state changes{Environment.NewLine}{report}");
            Assert.True(tally.Refused > 0, $"{tally.EntryPoint}: nothing refused");
            Assert.True(tally.StateChecked >= tally.Refused * 9 / 10, $"{tally.EntryPoint}: only {tally.StateChecked} of {tally.Refused} refusals checked against storage");
        }

        // The signed mutations reach the command parser: some interactions and invocations are accepted.
        Assert.Contains(tallies, t => t.EntryPoint == FuzzCampaign.Interactions && t.Accepted > 50);
        Assert.Contains(tallies, t => t.EntryPoint == FuzzCampaign.Invocations && t.Accepted > 50);
        Assert.Equal(budget.Http, tallies.Sum(t => t.Inputs));
    }
}
