using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Tests.Domain;

namespace MiniQuantDesk.Tests.Adapters.Ml;

/// <summary>Training on the shared SPY minute bars (fixture copy): reproducible, no leak, a loadable model.</summary>
public sealed class MlNetTrainerTests
{
    private static readonly IReadOnlyList<Bar> Spy = Fixture.Bars("1min/SPY.csv", "SPY");

    [Theory]
    [InlineData(MlTrainerKind.FastTree)]
    [InlineData(MlTrainerKind.Logistic)]
    public void Same_bars_and_seed_give_the_same_model_and_metrics(MlTrainerKind kind)
    {
        var request = new TrainingRequest("test-model", kind, 5, Seed: 7);

        var first = MlNetTrainer.Train(Spy, FeatureSetDefinition.Default, request);
        var second = MlNetTrainer.Train(Spy, FeatureSetDefinition.Default, request);

        Assert.Equal(first.Package.Card.Version, second.Package.Card.Version);
        Assert.Equal(ModelCardJson.Write(first.Package.Card), ModelCardJson.Write(second.Package.Card));
        Assert.Equal(first.HeldOutPredictions.Select(p => p.Probability), second.HeldOutPredictions.Select(p => p.Probability));
        var metrics = first.Package.Card.HeldOut!;
        Assert.Equal(first.Split.HeldOut.Count, metrics.Examples);
        Assert.InRange(metrics.Auc, 0.3, 0.7); // a minute-ahead sign is close to a coin toss; far from it would mean a leak
        Assert.InRange(metrics.Scores.Brier, 0.15, 0.35);
    }

    [Fact]
    public void The_card_records_a_training_window_strictly_before_the_held_out_part()
    {
        var trained = MlNetTrainer.Train(Spy, FeatureSetDefinition.Default, new TrainingRequest("test-model", MlTrainerKind.FastTree, 5, MaxAgeDays: 10));
        var card = trained.Package.Card;

        Assert.True(card.TrainedTo < card.HeldOutFrom);
        Assert.Equal(trained.Split.Training.Max(e => e.OutcomeBarStart), card.TrainedTo);
        Assert.Equal(trained.Split.Training.Min(e => e.BarStart), card.TrainedFrom);
        Assert.Equal(trained.Split.Training.Count, card.TrainingExamples);
        Assert.Equal(FeatureSetDefinition.Default.Version, card.FeatureSetVersion);
        Assert.Equal(10, card.MaxAgeDays);
        Assert.Equal(["SPY"], card.Symbols);
        // Ranges come from the training part only: each is the min and max of that feature there.
        var rsi = FeatureSetDefinition.Default.IndexOf("rsi");
        Assert.Equal(trained.Split.Training.Min(e => e.Features[rsi]), card.Ranges[rsi].Min);
        Assert.Equal(trained.Split.Training.Max(e => e.Features[rsi]), card.Ranges[rsi].Max);
    }

    [Fact]
    public void The_saved_model_loads_and_predicts_what_the_trainer_scored()
    {
        var trained = MlNetTrainer.Train(Spy, FeatureSetDefinition.Default, new TrainingRequest("test-model", MlTrainerKind.FastTree, 5));
        using var model = new MlNetModel(trained.Package.Card, trained.Package.Model!);

        for (var i = 0; i < trained.Split.HeldOut.Count; i += 50)
        {
            Assert.Equal(trained.HeldOutPredictions[i].Probability, model.ProbabilityUp(trained.Split.HeldOut[i].Features), 6);
        }

        var folder = Path.Combine(Path.GetTempPath(), "mqd-ml-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = ModelFolder.Write(folder, trained.Package);
            var read = ModelFolder.Read(written);
            Assert.Equal(ModelCardJson.Write(trained.Package.Card), ModelCardJson.Write(read.Card));
            Assert.Equal(trained.Package.Model, read.Model);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_corrupt_model_file_is_a_clear_error()
    {
        var card = new RuleModel(FeatureSetDefinition.Default).Card with { Name = "broken", Kind = "fasttree" };
        var error = Assert.Throws<InvalidDataException>(() => new MlNetModel(card, [1, 2, 3]));
        Assert.Contains("model broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_bars_or_a_bad_request_are_refused_with_the_option_named()
    {
        Assert.Contains("--horizon", Assert.Throws<ArgumentException>(() => MlNetTrainer.Train(Spy, FeatureSetDefinition.Default, new TrainingRequest("m", MlTrainerKind.FastTree, 0))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MlNetTrainer.Train(Spy.Take(40), FeatureSetDefinition.Default, new TrainingRequest("m", MlTrainerKind.FastTree, 5)));
    }
}
