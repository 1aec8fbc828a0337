using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Ml;
using MiniQuantDesk.Tests.Adapters.Alpaca;
using MiniQuantDesk.Tests.Domain;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Ml;

/// <summary>
/// The hook EvaluateStrategies calls, on Azurite with real SPY bars: every enabled model that can predicts and
/// is stored; missing, broken and expired models are logged and skipped; predictions are scored only once
/// their horizon has passed, against the realised return.
/// </summary>
public sealed class ShadowPredictorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly IReadOnlyList<Bar> Spy = Fixture.Bars("1min/SPY.csv", "SPY");
    private static readonly DateTimeOffset Minute = new(2019, 2, 13, 15, 30, 0, TimeSpan.Zero); // 10:30 ET

    private static IReadOnlyList<Bar> WindowAt(DateTimeOffset minute) => [.. Spy.Where(b => b.Start >= minute.AddDays(-4) && b.Start <= minute)];

    private static DeskSettings Settings(string models) => DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Ml:Models"] = models,
    }).Build());

    [Fact]
    public async Task Enabled_models_predict_failing_ones_are_skipped_and_scores_wait_for_the_horizon()
    {
        var storage = azurite.Storage();
        var registry = new ModelRegistry(storage);
        var trained = MlNetTrainer.Train(Spy.Where(b => b.Start < new DateTimeOffset(2019, 2, 13, 0, 0, 0, TimeSpan.Zero)), FeatureSetDefinition.Default, new TrainingRequest("fasttree-h5", MlTrainerKind.FastTree, 5));
        var card = trained.Package.Card;
        await registry.PublishAsync(trained.Package, CancellationToken.None);
        await registry.PublishAsync(trained.Package with { Card = card with { Name = "old-model", MaxAgeDays = 1, TrainedTo = Minute.AddDays(-2) } }, CancellationToken.None);
        await registry.PublishAsync(trained.Package with { Card = card with { Name = "narrow", Ranges = [.. card.Ranges.Select(r => r with { Min = 0, Max = 0 })] } }, CancellationToken.None);
        await registry.PublishAsync(new ModelPackage(card with { Name = "broken" }, [0x50, 0x4b, 1, 2]), CancellationToken.None);
        using var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var store = new PredictionStore(storage);
        var predictor = new ShadowPredictor(
            new ShadowModelCatalog(registry, loggers.CreateLogger<ShadowModelCatalog>()),
            store,
            new ShadowScorer(store, loggers.CreateLogger<ShadowScorer>()),
            Settings("rule,fasttree-h5,old-model,narrow,broken,missing"),
            loggers.CreateLogger<ShadowPredictor>());

        await predictor.PredictAsync("SPY", WindowAt(Minute), Minute, CancellationToken.None);

        var made = await store.ListAsync(Minute, Minute.AddMinutes(1), CancellationToken.None);
        Assert.Equal(["fasttree-h5", "narrow", "rule"], made.Select(r => r.Prediction.Model).Order());
        var features = FeatureBuilder.AtLastBar(WindowAt(Minute), FeatureSetDefinition.Default)!;
        var rule = made.Single(r => r.Prediction.Model == "rule").Prediction;
        Assert.Equal(new RuleModel(FeatureSetDefinition.Default).ProbabilityUp(features.Values), rule.Probability);
        Assert.Equal(FeatureSetDefinition.Default.Version, rule.FeatureSetVersion);
        var tree = made.Single(r => r.Prediction.Model == "fasttree-h5").Prediction;
        using (var direct = new MlNetModel(card, trained.Package.Model!))
        {
            Assert.Equal(direct.ProbabilityUp(features.Values), tree.Probability, 9);
        }

        Assert.Equal(card.Version, tree.ModelVersion);
        var narrow = made.Single(r => r.Prediction.Model == "narrow").Prediction;
        Assert.True(narrow.IsOutlier);
        Assert.NotEmpty(narrow.OutlierFeatures);
        Assert.Contains(logs.Lines, l => l.Contains("missing", StringComparison.Ordinal) && l.Contains("not in the registry", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("broken", StringComparison.Ordinal) && l.Contains("cannot be loaded", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("old-model", StringComparison.Ordinal) && l.Contains("expired", StringComparison.Ordinal));

        // Four minutes later the horizon (5) has not passed: nothing is scored.
        await predictor.PredictAsync("SPY", WindowAt(Minute.AddMinutes(4)), Minute.AddMinutes(4), CancellationToken.None);
        Assert.All(await store.ListAsync(Minute, Minute.AddMinutes(1), CancellationToken.None), r => Assert.Equal(PredictionStatus.Pending, r.Status));

        await predictor.PredictAsync("SPY", WindowAt(Minute.AddMinutes(5)), Minute.AddMinutes(5), CancellationToken.None);
        var scored = await store.ListAsync(Minute, Minute.AddMinutes(1), CancellationToken.None);
        var entry = Spy.Single(b => b.Start == Minute).Close;
        var exit = Spy.Single(b => b.Start == Minute.AddMinutes(5)).Close;
        Assert.All(scored, r =>
        {
            Assert.Equal(PredictionStatus.Scored, r.Status);
            Assert.Equal(Minute.AddMinutes(5), r.OutcomeBarStart);
            Assert.Equal((double)(exit / entry - 1m), r.RealizedReturn);
        });
        // The minute-4 predictions are still waiting for theirs.
        Assert.All(await store.ListAsync(Minute.AddMinutes(4), Minute.AddMinutes(5), CancellationToken.None), r => Assert.Equal(PredictionStatus.Pending, r.Status));
    }

    [Fact]
    public async Task With_no_models_nothing_is_predicted_or_stored()
    {
        var storage = azurite.Storage();
        var store = new PredictionStore(storage);
        using var loggers = LoggerFactory.Create(_ => { });
        var predictor = new ShadowPredictor(
            new ShadowModelCatalog(new ModelRegistry(storage), loggers.CreateLogger<ShadowModelCatalog>()),
            store,
            new ShadowScorer(store, loggers.CreateLogger<ShadowScorer>()),
            Settings("none"),
            loggers.CreateLogger<ShadowPredictor>());
        var at = Minute.AddDays(1);

        await predictor.PredictAsync("SPY", WindowAt(at), at, CancellationToken.None);

        Assert.Empty(await store.ListAsync(at, at.AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public void A_bad_model_name_stops_start_up_naming_the_setting()
    {
        var error = Assert.Throws<SettingsException>(() => Settings("rule,Bad_Name"));
        Assert.Contains("Ml:Models has 'Bad_Name'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Settings("none").Ml.Models);
        Assert.Equal(["rule"], Settings("rule").Ml.Models);
    }
}
