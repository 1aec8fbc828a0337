using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Integration;

/// <summary>The local host's queue and timer plumbing on a real Azurite, against a handler on loopback HTTP.</summary>
public sealed class LocalHostOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static (string, string)[] Functions(string inQueue, string outQueue) =>
    [
        ("Work", $$"""{"bindings":[{"name":"msg","type":"queueTrigger","direction":"in","queueName":"{{inQueue}}"},{"name":"done","type":"queue","direction":"out","queueName":"{{outQueue}}"}]}"""),
    ];

    [Fact]
    public async Task A_queue_message_reaches_its_function_and_its_output_arrives_in_the_output_queue()
    {
        var (inQueue, outQueue) = Names();
        await using var handler = await ScriptedHandler.StartAsync();
        handler.Answer = (_, body) => (200, new JsonObject
        {
            ["Outputs"] = new JsonObject { ["done"] = new JsonArray(new JsonObject { ["seen"] = body["Data"]!["msg"]!.GetValue<string>() }) },
            ["Logs"] = new JsonArray("ok"),
            ["ReturnValue"] = null,
        });
        var storage = azurite.Storage();
        await using var host = new LocalFunctionsHost(TestAppRoot.Create(TestAppRoot.FastQueuesHostJson, Functions(inQueue, outQueue)), handler.Endpoint, storage, TimeProvider.System, NullLoggerFactory.Instance);
        await host.StartAsync(0, CancellationToken.None);

        await storage.Queue(inQueue).CreateIfNotExistsAsync();
        await storage.Queue(inQueue).SendMessageAsync("{\"n\":7}");

        var output = await ReceiveOneAsync(storage.Queue(outQueue));
        Assert.Equal("{\"n\":7}", JsonNode.Parse(output)!["seen"]!.GetValue<string>());
        var (function, received, headers) = Assert.Single(handler.Received);
        Assert.Equal("Work", function);
        Assert.Equal("1", received["Metadata"]!["DequeueCount"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(headers["X-Azure-Functions-InvocationId"]));
        await WaitUntilAsync(() => !storage.Queue(inQueue).PeekMessages().Value.Any()); // deleted after success
    }

    [Fact]
    public async Task A_failing_message_is_retried_then_moved_to_poison_after_maxDequeueCount_and_its_outputs_are_dropped()
    {
        var (inQueue, outQueue) = Names();
        await using var handler = await ScriptedHandler.StartAsync();
        handler.Answer = (_, _) => (500, new JsonObject
        {
            ["Outputs"] = new JsonObject { ["done"] = new JsonObject { ["never"] = true } },
            ["error"] = "boom",
        });
        var storage = azurite.Storage();
        await using var host = new LocalFunctionsHost(TestAppRoot.Create(TestAppRoot.FastQueuesHostJson, Functions(inQueue, outQueue)), handler.Endpoint, storage, TimeProvider.System, NullLoggerFactory.Instance);
        await host.StartAsync(0, CancellationToken.None);

        await storage.Queue(inQueue).CreateIfNotExistsAsync();
        await storage.Queue(inQueue).SendMessageAsync("{\"bad\":true}");

        var poisoned = await ReceiveOneAsync(storage.Queue($"{inQueue}-poison"));
        Assert.Equal("{\"bad\":true}", poisoned);
        var attempts = handler.Received.Select(r => r.Body["Metadata"]!["DequeueCount"]!.GetValue<string>()).ToList();
        Assert.Equal(["1", "2", "3"], attempts); // maxDequeueCount = 3 in the test host.json
        await storage.Queue(outQueue).CreateIfNotExistsAsync();
        Assert.False((await storage.Queue(outQueue).PeekMessagesAsync()).Value.Any());
        await WaitUntilAsync(() => !storage.Queue(inQueue).PeekMessages().Value.Any());
    }

    [Fact]
    public async Task A_timer_fires_on_its_ncrontab_schedule_in_utc_driven_by_a_fake_clock()
    {
        await using var handler = await ScriptedHandler.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 14, 29, 30, TimeSpan.Zero)); // a Monday
        var app = TestAppRoot.Create(TestAppRoot.FastQueuesHostJson,
            ("Tick", """{"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 * * * * 1-5","useMonitor":false}]}"""));
        await using var host = new LocalFunctionsHost(app, handler.Endpoint, azurite.Storage(), time, NullLoggerFactory.Instance, hostId: "timer-" + Guid.NewGuid().ToString("N")[..8]);
        await host.StartAsync(0, CancellationToken.None);
        var timer = host.Timers.Single();

        await WaitUntilAsync(() => timer.NextDue == new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.Zero));
        Assert.Empty(handler.Received); // not before its time

        time.Advance(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(() => handler.Received.Count == 1);
        await WaitUntilAsync(() => timer.NextDue == new DateTimeOffset(2026, 11, 23, 14, 31, 0, TimeSpan.Zero));
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => handler.Received.Count == 2);

        var payload = handler.Received.First().Body;
        Assert.False(payload["Data"]!["timer"]!["IsPastDue"]!.GetValue<bool>());
        Assert.Null(payload["Data"]!["timer"]!["ScheduleStatus"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero).AddDays(2), timer.NextAfter(new DateTimeOffset(2026, 11, 27, 23, 59, 30, TimeSpan.Zero).AddDays(1))); // Saturday → Monday
    }

    [Fact]
    public async Task A_monitored_timer_that_missed_its_occurrence_catches_up_once_with_IsPastDue()
    {
        await using var handler = await ScriptedHandler.StartAsync();
        var hostId = "pastdue-" + Guid.NewGuid().ToString("N")[..8];
        var storage = azurite.Storage();
        var container = storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"timers/{hostId}/Daily/status").UploadAsync(
            BinaryData.FromString("{\"Last\":\"2026-11-20T21:15:00.0000000+00:00\",\"Next\":\"2026-11-23T21:15:00.0000000+00:00\"}"), overwrite: true);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var app = TestAppRoot.Create(TestAppRoot.FastQueuesHostJson,
            ("Daily", """{"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"0 15 21 * * 1-5","useMonitor":true}]}"""));
        await using var host = new LocalFunctionsHost(app, handler.Endpoint, storage, time, NullLoggerFactory.Instance, hostId: hostId);
        await host.StartAsync(0, CancellationToken.None);

        await WaitUntilAsync(() => handler.Received.Count == 1);
        await Task.Delay(300);
        Assert.Single(handler.Received);
        Assert.True(handler.Received.Single().Body["Data"]!["timer"]!["IsPastDue"]!.GetValue<bool>());
    }

    private static (string In, string Out) Names()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return ($"in-{id}", $"out-{id}");
    }

    private static async Task<string> ReceiveOneAsync(QueueClient queue)
    {
        await queue.CreateIfNotExistsAsync();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var messages = (await queue.ReceiveMessagesAsync(1)).Value;
            if (messages.Length == 1)
            {
                return messages[0].MessageText;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no message arrived in {queue.Name} within {Patience}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(20);
        }
    }
}
