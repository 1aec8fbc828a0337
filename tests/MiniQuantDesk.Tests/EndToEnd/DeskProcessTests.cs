using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>The real handler process, started by the local host from host.json, on a real Azurite.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeskProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_local_host_starts_the_handler_serves_health_and_poisons_a_message_the_desk_cannot_handle()
    {
        await using var broker = await FakeBrokerClock.StartAsync();
        var app = AppRoot.Load(AppContext.BaseDirectory);
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alpaca__TradingBaseUrl"] = broker.BaseAddress.ToString(),
            ["Alpaca__KeyId"] = "PKTEST",
            ["Alpaca__SecretKey"] = "secret",
        };
        var storage = azurite.Storage();
        var handler = new HandlerProcess(app, environment, NullLogger.Instance);
        var fastQueues = app.Host.Queues with { MaxPollingInterval = TimeSpan.FromMilliseconds(200), VisibilityTimeout = TimeSpan.Zero, MaxDequeueCount = 2 };
        await using var host = new LocalFunctionsHost(app, handler, storage, TimeProvider.System, NullLoggerFactory.Instance, fastQueues);
        await host.StartAsync(0, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var health = await http.GetAsync(new Uri(host.HttpBaseAddress!, "api/health"));
        var body = JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)health.StatusCode);
        Assert.True(body["checks"]!["storage"]!["ok"]!.GetValue<bool>());

        using var wrongMethod = await http.PostAsync(new Uri(host.HttpBaseAddress!, "api/health"), new StringContent("{}"));
        Assert.NotEqual(200, (int)wrongMethod.StatusCode);

        // A request arriving while the handler is being restarted waits for it instead of getting a 502.
        handler.Kill();
        using var duringRestart = await http.GetAsync(new Uri(host.HttpBaseAddress!, "api/health"));
        Assert.Equal(200, (int)duringRestart.StatusCode);
        Assert.Equal(1, handler.Restarts);

        await storage.Queue("order-intents").CreateIfNotExistsAsync();
        await storage.Queue("order-intents").SendMessageAsync("{\"this is\": \"not an intent\"}");
        var poison = storage.Queue("order-intents-poison");
        string? poisoned = null;
        for (var i = 0; i < 200 && poisoned is null; i++)
        {
            await poison.CreateIfNotExistsAsync();
            var received = (await poison.ReceiveMessagesAsync(1)).Value;
            poisoned = received.Length == 1 ? received[0].MessageText : null;
            await Task.Delay(100);
        }

        Assert.Equal("{\"this is\": \"not an intent\"}", poisoned);
        Assert.NotNull(handler.ProcessId);
    }

    [Fact]
    public async Task A_killed_handler_is_restarted_and_answers_again()
    {
        var app = AppRoot.Load(AppContext.BaseDirectory);
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString };
        var handler = new HandlerProcess(app, environment, NullLogger.Instance);
        await handler.StartAsync(CancellationToken.None);
        try
        {
            var first = handler.ProcessId;
            handler.Kill();
            for (var i = 0; i < 300 && handler.Restarts == 0; i++)
            {
                await Task.Delay(50);
            }

            await handler.WaitUntilRunningAsync(TimeSpan.FromSeconds(15), CancellationToken.None);

            Assert.Equal(1, handler.Restarts);
            Assert.NotEqual(first, handler.ProcessId);
            using var http = new HttpClient();
            Assert.Equal("MiniQuantDesk handler", await http.GetStringAsync(handler.BaseAddress));
        }
        finally
        {
            await handler.StopAsync();
        }
    }
}
