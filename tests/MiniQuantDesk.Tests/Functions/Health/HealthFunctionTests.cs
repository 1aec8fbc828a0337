using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Health;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Health;

public sealed class HealthFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static DeskSettings Settings(Uri broker, double timeoutSeconds = 0.5) => DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Alpaca:TradingBaseUrl"] = broker.ToString(),
        ["Alpaca:KeyId"] = "PKTEST",
        ["Alpaca:SecretKey"] = "secret",
        ["Health:CheckTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build());

    private static async Task<(int Status, JsonObject Body)> CheckAsync(StorageAccount storage, DeskSettings settings)
    {
        var state = new DeskStateStore(storage);
        using var http = new HttpClient();
        var function = new HealthFunction(state, new AlpacaClockProbe(http, settings.Broker), settings, TimeProvider.System, new PoisonQueues(storage));
        var definition = AppRoot.Load(AppContext.BaseDirectory).Find("Health")!;
        var response = await function.HandleAsync(
            new HttpRequestData("GET", "/api/health", new Dictionary<string, string>(), new Dictionary<string, string>(), []),
            new FunctionContext(definition, "test", NullLogger.Instance, null),
            CancellationToken.None);
        return (response.StatusCode, JsonNode.Parse(response.BodyText)!.AsObject());
    }

    [Fact]
    public async Task All_well_is_200_with_every_check_reported()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        var storage = azurite.Storage();
        await new DeskStateStore(storage).EnsureCreatedAsync(CancellationToken.None);

        var (status, body) = await CheckAsync(storage, Settings(broker.BaseAddress));

        Assert.Equal(200, status);
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Empty(body["failing"]!.AsArray());
        Assert.False(body["checks"]!["killSwitch"]!["engaged"]!.GetValue<bool>());
        Assert.Equal("0.1.0", body["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Storage_down_is_503_naming_storage()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        var closed = MiniQuantDesk.Functions.LocalHost.HandlerProcess.FreePort();
        var deadStorage = new StorageAccount(new StorageOptions(MiniQuantDesk.Functions.LocalHost.AzuriteProcess.ConnectionStringFor(closed, closed, closed), null, null), TimeSpan.FromMilliseconds(300));

        var (status, body) = await CheckAsync(deadStorage, Settings(broker.BaseAddress));

        Assert.Equal(503, status);
        Assert.Contains("storage", body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain("broker", body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_broker_that_hangs_is_503_naming_broker_within_the_check_timeout()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        broker.Delay = TimeSpan.FromSeconds(30);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var (status, body) = await CheckAsync(azurite.Storage(), Settings(broker.BaseAddress, timeoutSeconds: 0.5));

        Assert.Equal(503, status);
        Assert.Equal(["broker"], body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("timed out", body["checks"]!["broker"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "health must not wait for a hung broker");
    }

    [Fact]
    public async Task Market_open_without_a_recent_tick_is_503_naming_lastTick_and_a_fresh_tick_clears_it()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        broker.IsOpen = true;
        var storage = azurite.Storage();
        var state = new DeskStateStore(storage);
        await state.EnsureCreatedAsync(CancellationToken.None);
        await state.RecordTickAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);

        var (stale, staleBody) = await CheckAsync(storage, Settings(broker.BaseAddress));
        await state.RecordTickAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var (fresh, _) = await CheckAsync(storage, Settings(broker.BaseAddress));

        Assert.Equal(503, stale);
        Assert.Equal(["lastTick"], staleBody["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(200, fresh);
    }

    [Fact]
    public async Task A_poisoned_message_is_503_naming_poison_with_the_queue_depth_until_it_is_cleared()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        var storage = azurite.Storage();
        await new DeskStateStore(storage).EnsureCreatedAsync(CancellationToken.None);
        var poisonQueue = storage.Queue(PoisonQueues.NameOf(DeskQueues.OrderTracking));
        await poisonQueue.CreateIfNotExistsAsync();
        try
        {
            await poisonQueue.SendMessageAsync("""{"kind":"track","clientOrderId":"x-1"}""");
            await poisonQueue.SendMessageAsync("""{"kind":"track","clientOrderId":"x-2"}""");

            var (status, body) = await CheckAsync(storage, Settings(broker.BaseAddress));

            Assert.Equal(503, status);
            Assert.Equal(["poison"], body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(2, body["checks"]!["poison"]!["queues"]!["order-tracking-poison"]!.GetValue<int>());
        }
        finally
        {
            await poisonQueue.DeleteIfExistsAsync();
        }

        var (cleared, _) = await CheckAsync(storage, Settings(broker.BaseAddress));
        Assert.Equal(200, cleared);
    }
}
