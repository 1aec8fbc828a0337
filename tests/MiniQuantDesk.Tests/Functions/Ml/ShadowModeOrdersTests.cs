using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Tests.Domain;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Ml;

/// <summary>
/// Zero live impact, end to end: the same replayed stretch of a real session through the whole desk (real
/// handler process, local host, Azurite, simulated market) with shadow models off, on (the rule model and a
/// trained FastTree) and throwing (a corrupt model file and a model whose feature count is wrong). Each run
/// gets a fresh Azurite and the same stored warm-up bars. The orders must be the same: client order ids,
/// sides, quantities.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ShadowModeOrdersTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2019, 2, 12, 15, 20, 0, TimeSpan.Zero); // 10:20 ET
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task Orders_are_identical_with_models_off_on_and_throwing()
    {
        var off = await RunAsync("none", _ => Task.CompletedTask, (_, _) => Task.CompletedTask);
        var on = await RunAsync("rule,fasttree-h5", PublishTrainedAsync, async (storage, end) =>
        {
            var made = await new PredictionStore(storage).ListAsync(Start.AddMinutes(-60), end, CancellationToken.None);
            Assert.Contains(made, p => p.Prediction.Model == "rule");
            Assert.Contains(made, p => p.Prediction.Model == "fasttree-h5");
            Assert.Contains(made, p => p.Status == PredictionStatus.Scored);
        });
        var throwing = await RunAsync("broken,miscounted", PublishThrowingAsync, async (storage, end) =>
            Assert.Empty(await new PredictionStore(storage).ListAsync(Start.AddMinutes(-60), end, CancellationToken.None)));

        Assert.True(off.Count >= 2, $"expected orders in {Span.TotalMinutes} minutes, got {off.Count}");
        Assert.Equal(off, on);
        Assert.Equal(off, throwing);
    }

    private async Task<List<(string ClientOrderId, OrderSide Side, decimal Quantity)>> RunAsync(string models, Func<StorageAccount, Task> prepare, Func<StorageAccount, DateTimeOffset, Task> check)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await SeedWarmUpAsync(azurite.Storage());
            await prepare(azurite.Storage());
            var settings = new Dictionary<string, string>
            {
                ["Risk__MaxOrderNotionalUsd"] = "60000",
                ["Risk__MaxPositionSizeUsd"] = "60000",
                ["Risk__MaxPortfolioExposureUsd"] = "200000",
                ["Ml__Models"] = models,
            };
            // 40x leaves each simulated minute 1.5 s of real time, so no minute is skipped even on a busy machine.
            await using var desk = await DeskUnderTest.StartAsync(azurite, settings, speed: 40m, marketStart: Start);
            var end = Start + Span;
            await DeskUnderTest.EventuallyAsync(() => Task.FromResult(desk.Market.Now >= end ? "done" : null), TimeSpan.FromSeconds(90), $"{Span.TotalMinutes} simulated minutes");
            var orders = new OrderStore(desk.Storage);
            var settled = await DeskUnderTest.EventuallyAsync(async () =>
            {
                var all = await orders.ListAsync(CancellationToken.None);
                return all.Count > 0 && all.All(o => o.Record.IsTerminal) ? all : null;
            }, TimeSpan.FromSeconds(60), "every order settled");
            await check(azurite.Storage(), end);
            output.WriteLine($"Ml__Models={models}: " + string.Join(", ", settled.Select(o => $"{o.Record.ClientOrderId} {o.Record.Side} {o.Record.Quantity} created {o.Record.CreatedAt:HH:mm:ss}")));
            // The market runs on while orders settle: compare the intents of bars every run has fully processed.
            var cutoff = (end - TimeSpan.FromMinutes(2)).UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
            return [.. settled.Where(o => string.CompareOrdinal(BarMinute(o.Record.ClientOrderId), cutoff) < 0).Select(o => (o.Record.ClientOrderId, o.Record.Side, o.Record.Quantity)).Order()];
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// The session's bars from the open to the start, stored before the desk starts: the indicators then warm
    /// up on the same window in every run, whatever minute the desk's first poll happens to land on.
    /// </summary>
    private static async Task SeedWarmUpAsync(StorageAccount storage)
    {
        var open = new DateTimeOffset(2019, 2, 12, 14, 30, 0, TimeSpan.Zero);
        var bars = Fixture.Bars("1min/SPY.csv", "SPY")
            .Concat(Fixture.Bars("1min/AAPL.csv", "AAPL"))
            .Concat(Fixture.Bars("../backtest/bars/1min/QQQ.csv", "QQQ"))
            .Where(b => b.Start >= open && b.Start < Start);
        var store = new BarStore(storage);
        await store.EnsureCreatedAsync(CancellationToken.None);
        await store.StoreAsync(bars, CancellationToken.None);
    }

    /// <summary>The bar minute in a client order id (mqd-&lt;strategies&gt;-&lt;symbol&gt;-&lt;yyyyMMddHHmm&gt;-&lt;side&gt;).</summary>
    private static string BarMinute(string clientOrderId) => clientOrderId.Split('-')[^2];

    /// <summary>A FastTree trained on the day before (2019-02-11), small enough to train in a second.</summary>
    private static async Task PublishTrainedAsync(StorageAccount storage)
    {
        var dayBefore = new DateTimeOffset(2019, 2, 12, 0, 0, 0, TimeSpan.Zero);
        var bars = Fixture.Bars("1min/SPY.csv", "SPY").Concat(Fixture.Bars("1min/AAPL.csv", "AAPL")).Where(b => b.Start < dayBefore);
        var trained = MlNetTrainer.Train(bars, FeatureSetDefinition.Default, new TrainingRequest("fasttree-h5", MlTrainerKind.FastTree, 5));
        await new ModelRegistry(storage).PublishAsync(trained.Package, CancellationToken.None);
    }

    private static async Task PublishThrowingAsync(StorageAccount storage)
    {
        var registry = new ModelRegistry(storage);
        var card = new RuleModel(FeatureSetDefinition.Default).Card;
        // A model file that ML.NET cannot load: the catalog throws on every attempt.
        await registry.PublishAsync(new ModelPackage(card with { Name = "broken", Kind = "fasttree", Version = "v1" }, [0x50, 0x4b, 3, 4, 5]), CancellationToken.None);
        // A loadable model that throws on every prediction: its card expects 3 features, the desk computes 14.
        var trained = MlNetTrainer.Train(Fixture.Bars("1min/SPY.csv", "SPY").Take(800), FeatureSetDefinition.Default, new TrainingRequest("miscounted", MlTrainerKind.Logistic, 5));
        await registry.PublishAsync(trained.Package with { Card = trained.Package.Card with { FeatureNames = ["ret_1", "ret_5", "rsi"] } }, CancellationToken.None);
    }
}
