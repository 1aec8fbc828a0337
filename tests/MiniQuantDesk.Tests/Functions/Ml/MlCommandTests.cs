using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Functions.Cli;
using MiniQuantDesk.Tests.Domain;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Ml;

/// <summary><c>desk ml train</c> and <c>desk ml report</c>, called as the verbs run them.</summary>
public sealed class MlCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Train_writes_the_model_and_card_and_publishes_it_to_the_registry()
    {
        var output = Path.Combine(Path.GetTempPath(), "mqd-ml-train-" + Guid.NewGuid().ToString("N"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            var code = await MlCommand.TrainAsync(Fixture.PathOf("bars/1min"), 5, "SPY", "logistic", "cli-model", 3, 0.2, 30, output, azurite.ConnectionString, stdout, stderr, CancellationToken.None);

            Assert.True(code == 0, stderr.ToString());
            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(output, "cli-model")));
            var package = ModelFolder.Read(folder);
            Assert.Equal("logistic", package.Card.Kind);
            Assert.Equal(3, package.Card.Seed);
            Assert.NotNull(package.Model);
            Assert.Contains($"trained cli-model {package.Card.Version}", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("held-out: hit rate", stdout.ToString(), StringComparison.Ordinal);
            var published = await new ModelRegistry(azurite.Storage()).GetCurrentAsync("cli-model", CancellationToken.None);
            Assert.Equal(package.Card.Version, published!.Card.Version);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Bad_options_and_missing_bars_are_named_and_change_nothing()
    {
        var output = Path.Combine(Path.GetTempPath(), "mqd-ml-bad-" + Guid.NewGuid().ToString("N"));
        var stderr = new StringWriter();

        Assert.Equal(MlCommand.BadSettings, await MlCommand.TrainAsync(Fixture.PathOf("bars/1min"), 0, "SPY", "forest", null, 1, 0.2, 30, output, null, TextWriter.Null, stderr, CancellationToken.None));
        Assert.Contains("--trainer must be fasttree or logistic, was 'forest'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--horizon must be 1..390", stderr.ToString(), StringComparison.Ordinal);

        Assert.Equal(MlCommand.BadInput, await MlCommand.TrainAsync(Fixture.PathOf("bars/1min"), 5, "ZZZZ", "fasttree", null, 1, 0.2, 30, output, null, TextWriter.Null, stderr, CancellationToken.None));
        Assert.Contains("no bar file ZZZZ.csv", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Report_prints_each_model_per_day_and_rolling()
    {
        var store = new PredictionStore(azurite.Storage());
        var day1 = new DateTimeOffset(2020, 1, 6, 15, 0, 0, TimeSpan.Zero);
        var day2 = day1.AddDays(1);
        // report-test: day 1 one hit (up, went up) and one miss; day 2 one hit (down, went down).
        (DateTimeOffset At, double P, double R)[] rows = [(day1, 0.7, 0.01), (day1.AddMinutes(1), 0.6, -0.01), (day2, 0.2, -0.02)];
        foreach (var (at, p, r) in rows)
        {
            var prediction = new ShadowPrediction("SPY", at, "report-test", "v1", "fs", 5, p, []);
            await store.AddAsync(prediction, CancellationToken.None);
            await store.RecordOutcomeAsync(new StoredPrediction(prediction, PredictionStatus.Scored, at.AddMinutes(5), r), CancellationToken.None);
        }

        var stdout = new StringWriter();
        var code = await MlCommand.ReportAsync(azurite.ConnectionString, "2020-01-01", "2020-01-31", 5, stdout, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n');
        Assert.Contains(lines, l => l == "model report-test");
        Assert.Contains(lines, l => l.StartsWith("  2020-01-06     2   50.0", StringComparison.Ordinal));
        // day 2 alone: 1 of 1; rolling over both days: 2 of 3.
        Assert.Contains(lines, l => l.StartsWith("  2020-01-07     1  100.0", StringComparison.Ordinal) && l.Contains("    3   66.7", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("all days: 3 scored, hit 66.7 %", StringComparison.Ordinal));
        Assert.Equal(MlCommand.BadSettings, await MlCommand.ReportAsync(azurite.ConnectionString, "2020-02-01", "2020-01-01", 5, TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }
}
