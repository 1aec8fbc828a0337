using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Tests.Domain.Ml;

public sealed class ModelGuardTests
{
    private static readonly DateTimeOffset TrainedTo = new(2019, 2, 15, 14, 35, 0, TimeSpan.Zero);

    private static ModelCard Card(int? maxAgeDays = 30, IReadOnlyList<FeatureRange>? ranges = null) => new()
    {
        Name = "fasttree-h5",
        Version = "v1",
        Kind = "fasttree",
        FeatureSetVersion = FeatureSetDefinition.Default.Version,
        FeatureNames = FeatureSetDefinition.Default.Names,
        HorizonMinutes = 5,
        TrainedTo = TrainedTo,
        MaxAgeDays = maxAgeDays,
        Ranges = ranges ?? [],
    };

    [Fact]
    public void A_model_older_than_its_maximum_age_stops_and_says_why()
    {
        Assert.True(ModelVerdict.Check(Card(), FeatureSetDefinition.Default.Version, TrainedTo.AddDays(30)).MayPredict);

        var verdict = ModelVerdict.Check(Card(), FeatureSetDefinition.Default.Version, TrainedTo.AddDays(30).AddMinutes(1));

        Assert.False(verdict.MayPredict);
        Assert.Contains("fasttree-h5 v1 expired", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("30-day limit", verdict.Reason, StringComparison.Ordinal);
        Assert.True(ModelVerdict.Check(Card(maxAgeDays: null), FeatureSetDefinition.Default.Version, TrainedTo.AddYears(5)).MayPredict);
    }

    [Fact]
    public void A_model_of_another_feature_set_is_refused()
    {
        var verdict = ModelVerdict.Check(Card(), "fs-000000000000", TrainedTo.AddDays(1));
        Assert.False(verdict.MayPredict);
        Assert.Contains("feature set", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_outside_the_training_range_are_flagged_by_name()
    {
        var names = FeatureSetDefinition.Default.Names;
        var ranges = names.Select(n => new FeatureRange(n, -1, 1)).ToList();
        var values = names.Select(_ => 0.5).ToArray();
        values[2] = 1.5;
        values[7] = -1.0; // the boundary is inside
        var model = new FixedModel(Card(ranges: ranges), 0.6);

        var prediction = ShadowPrediction.Make(model, new FeatureVector("SPY", TrainedTo, FeatureSetDefinition.Default.Version, values));

        Assert.True(prediction.IsOutlier);
        Assert.Equal([names[2]], prediction.OutlierFeatures);
        Assert.False(ShadowPrediction.Make(model, new FeatureVector("SPY", TrainedTo, FeatureSetDefinition.Default.Version, names.Select(_ => 0.0).ToArray())).IsOutlier);
    }

    [Fact]
    public void A_model_answering_something_that_is_not_a_probability_is_an_error()
    {
        var values = FeatureSetDefinition.Default.Names.Select(_ => 0.0).ToArray();
        Assert.Throws<InvalidOperationException>(() => ShadowPrediction.Make(new FixedModel(Card(), double.NaN), new FeatureVector("SPY", TrainedTo, "x", values)));
    }

    [Theory]
    [InlineData(30.0, 0.6899744811276125)] // 1/(1+e^(2*(30-50)/50)) = 1/(1+e^-0.8)
    [InlineData(50.0, 0.5)]
    [InlineData(80.0, 0.2314752165009819)] // 1/(1+e^1.2)
    public void The_rule_model_maps_rsi_to_a_probability(double rsi, double expected)
    {
        var rule = new RuleModel(FeatureSetDefinition.Default);
        var values = new double[FeatureSetDefinition.Default.Count];
        values[FeatureSetDefinition.Default.IndexOf("rsi")] = rsi / 100;

        Assert.Equal(expected, rule.ProbabilityUp(values), 12);
        Assert.Null(rule.Card.MaxAgeDays);
        Assert.Equal(FeatureSetDefinition.Default.Version, rule.Card.FeatureSetVersion);
        Assert.NotEqual(rule.Card.Version, new RuleModel(FeatureSetDefinition.Default, steepness: 3).Card.Version);
    }

    private sealed class FixedModel(ModelCard card, double p) : IShadowModel
    {
        public ModelCard Card => card;

        public double ProbabilityUp(ReadOnlySpan<double> features) => p;
    }
}
