using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Adapters.Ml;

/// <summary>The model registry (blob container models) and the predictions table, on Azurite.</summary>
public sealed class MlStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Minute = new(2019, 2, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_published_model_is_the_current_one_with_its_card_and_bytes()
    {
        var registry = new ModelRegistry(azurite.Storage());
        Assert.Null(await registry.GetCurrentAsync("nothing-here", CancellationToken.None));

        var card = new RuleModel(FeatureSetDefinition.Default).Card with { Name = "reg-test", Kind = "fasttree", Version = "v1", MaxAgeDays = 3 };
        await registry.PublishAsync(new ModelPackage(card, [1, 2, 3]), CancellationToken.None);
        await registry.PublishAsync(new ModelPackage(card with { Version = "v2" }, [4, 5]), CancellationToken.None);

        var current = await registry.GetCurrentAsync("reg-test", CancellationToken.None);
        Assert.Equal("v2", current!.Card.Version);
        Assert.Equal([4, 5], current.Model);
        Assert.Equal(3, current.Card.MaxAgeDays);
        Assert.Equal("v2", await registry.CurrentVersionAsync("reg-test", CancellationToken.None));
        Assert.Contains(await registry.ListCurrentAsync(CancellationToken.None), c => c.Name == "reg-test" && c.Version == "v2");
    }

    [Fact]
    public async Task A_prediction_is_stored_once_and_its_outcome_recorded()
    {
        var store = new PredictionStore(azurite.Storage());
        var prediction = new ShadowPrediction("QQQ", Minute, "rule", "rule-1", "fs-1", 5, 0.7, ["rsi"]);

        Assert.True(await store.AddAsync(prediction, CancellationToken.None));
        Assert.False(await store.AddAsync(prediction with { Probability = 0.1 }, CancellationToken.None)); // a re-delivered minute

        var pending = await store.PendingAsync("QQQ", Minute.AddMinutes(-10), Minute, CancellationToken.None);
        var row = Assert.Single(pending);
        Assert.Equal(0.7, row.Prediction.Probability);
        Assert.Equal(["rsi"], row.Prediction.OutlierFeatures);
        Assert.Empty(await store.PendingAsync("QQQ", Minute.AddMinutes(-10), Minute.AddMinutes(-1), CancellationToken.None));

        await store.RecordOutcomeAsync(row with { Status = PredictionStatus.Scored, OutcomeBarStart = Minute.AddMinutes(5), RealizedReturn = -0.002 }, CancellationToken.None);

        Assert.Empty(await store.PendingAsync("QQQ", Minute.AddMinutes(-10), Minute, CancellationToken.None));
        var all = await store.ListAsync(Minute, Minute.AddMinutes(1), CancellationToken.None);
        var scored = Assert.Single(all, r => r.Prediction.Symbol == "QQQ").ToScored()!;
        Assert.Equal(-0.002, scored.RealizedReturn);
        Assert.True(scored.IsOutlier);
        Assert.False(scored.Hit);
    }
}
