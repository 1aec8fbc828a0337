using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Chaos;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Tests.Functions.Hosting;

/// <summary>
/// A queue invocation that meets unreachable storage is held (the function run again from the start) until storage
/// answers or the budget is spent, so a storage outage does not spend the message's deliveries; other failures fail at once.
/// Real Azurite, stopped and started again on the same ports with its data on disk.
/// </summary>
public sealed class InvocationHoldTests : IAsyncLifetime
{
    private const string Invocation = """{"Data":{"intent":"{\"n\":1}"},"Metadata":{"DequeueCount":"1","Id":"\"m-1\""}}""";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mqd-hold-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_folder);

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Real_storage_failures_are_told_apart_outage_from_refusal()
    {
        var closed = new StorageAccount(new StorageOptions(AzuriteProcess.ConnectionStringFor(FreePort(), FreePort(), FreePort()), null, null), TimeSpan.FromSeconds(2));
        var refusedConnection = await Assert.ThrowsAnyAsync<Exception>(() => closed.Table("nothere").CreateIfNotExistsAsync());
        Assert.True(StorageOutage.Caused(refusedConnection), refusedConnection.ToString());
        Assert.True(StorageOutage.Caused(new InvalidOperationException("wrapped", refusedConnection)));

        var table = Account().Table("holdconflict");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(409, conflict.Status);
        Assert.False(StorageOutage.Caused(conflict));
        Assert.False(StorageOutage.Caused(new ArgumentException("bad message")));
    }

    [Fact]
    public async Task A_cut_network_to_storage_is_an_outage_whatever_the_SDK_wraps_it_in()
    {
        await using var link = StorageLink.Start(_azurite.BlobPort, _azurite.QueuePort, _azurite.TablePort);
        var linked = new StorageAccount(new StorageOptions(AzuriteProcess.ConnectionStringFor(link.PortFor(_azurite.BlobPort), link.PortFor(_azurite.QueuePort), link.PortFor(_azurite.TablePort)), null, null), TimeSpan.FromSeconds(2));
        await linked.Table("holdlink").CreateIfNotExistsAsync();

        link.Cut(TimeSpan.FromSeconds(30));
        var reset = await Assert.ThrowsAnyAsync<Exception>(() => linked.Table("holdlink").AddEntityAsync(new TableEntity("p", "cut")));
        Assert.True(StorageOutage.Caused(reset), reset.ToString());

        // What a cut while a connection was being opened looks like: the SDK's retry aggregate holding a bare socket error.
        var aggregate = new AggregateException("Retry failed after 2 tries.", new RequestFailedException("An error occurred while sending the request."), new SocketException((int)SocketError.NotConnected));
        Assert.True(StorageOutage.Caused(aggregate));
        Assert.False(StorageOutage.Caused(new AggregateException(new SocketException((int)SocketError.NotConnected), new ArgumentException("bad"))));
    }

    [Fact]
    public async Task An_invocation_meeting_an_outage_waits_for_storage_and_succeeds_once_with_one_set_of_outputs()
    {
        var function = new RowWritingFunction(Account());
        var dispatcher = Dispatcher(function, TimeSpan.FromSeconds(60));
        await _azurite.StopAsync(TimeSpan.FromSeconds(10));
        var comesBack = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return await AzuriteProcess.StartAsync(_folder, _azurite.BlobPort, _azurite.QueuePort, _azurite.TablePort);
        });

        var result = await dispatcher.InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(Invocation), "inv-1", CancellationToken.None);
        _azurite = await comesBack;

        Assert.Equal(200, result.StatusCode);
        Assert.True(function.Attempts > 1, $"attempts {function.Attempts}");
        Assert.Single(result.Body["Outputs"]!["tracking"]!.AsArray());
        var row = await Account().Table("holdrows").GetEntityAsync<TableEntity>("p", "m-1");
        Assert.Equal("m-1", row.Value.RowKey);
    }

    [Fact]
    public async Task An_outage_longer_than_the_budget_fails_the_invocation_with_the_storage_error()
    {
        var function = new RowWritingFunction(Account());
        var dispatcher = Dispatcher(function, TimeSpan.FromSeconds(2));
        await _azurite.StopAsync(TimeSpan.FromSeconds(10));

        var result = await dispatcher.InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(Invocation), "inv-2", CancellationToken.None);
        _azurite = await AzuriteProcess.StartAsync(_folder, _azurite.BlobPort, _azurite.QueuePort, _azurite.TablePort);

        Assert.Equal(500, result.StatusCode);
        Assert.True(function.Attempts > 1, $"attempts {function.Attempts}");
        Assert.Empty(result.Body["Outputs"]!.AsObject());
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_is_not_held()
    {
        var function = new RowWritingFunction(Account()) { Refuse = true };
        var dispatcher = Dispatcher(function, TimeSpan.FromSeconds(60));

        var result = await dispatcher.InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(Invocation), "inv-3", CancellationToken.None);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(1, function.Attempts);
        Assert.Contains("409", result.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrency_conflict_runs_the_function_again_and_a_lasting_one_fails_after_a_few_tries()
    {
        var passing = new ConflictingFunction(conflicts: 2);
        var stuck = new ConflictingFunction(conflicts: int.MaxValue);

        var passed = await Dispatcher(passing, TimeSpan.Zero).InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(Invocation), "inv-4", CancellationToken.None);
        var failed = await Dispatcher(stuck, TimeSpan.Zero).InvokeAsync("PlaceOrder", Encoding.UTF8.GetBytes(Invocation), "inv-5", CancellationToken.None);

        Assert.Equal(200, passed.StatusCode);
        Assert.Equal(3, passing.Attempts);
        Assert.Single(passed.Body["Outputs"]!["tracking"]!.AsArray());
        Assert.Equal(500, failed.StatusCode);
        Assert.Equal(1 + InvocationHold.ConflictRetries, stuck.Attempts);
        Assert.Contains("changed concurrently", failed.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private StorageAccount Account() => new(new StorageOptions(_azurite.ConnectionString, null, null), TimeSpan.FromSeconds(2));

    private static FunctionDispatcher Dispatcher(IDeskFunction function, TimeSpan budget)
    {
        var app = Support.TestAppRoot.Create(Support.TestAppRoot.FastQueuesHostJson,
            ("PlaceOrder", """{"bindings":[{"name":"intent","type":"queueTrigger","direction":"in","queueName":"order-intents"},{"name":"tracking","type":"queue","direction":"out","queueName":"order-tracking"}]}"""));
        return new FunctionDispatcher(app, [function], NullLoggerFactory.Instance, new InvocationHold(budget, NullLogger<InvocationHold>.Instance));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ConflictingFunction(int conflicts) : IQueueFunction
    {
        public int Attempts { get; private set; }

        public string Name => "PlaceOrder";

        public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
        {
            Attempts++;
            context.Enqueue("tracking", new JsonObject { ["id"] = message.MessageId });
            return Attempts <= conflicts ? throw new ConcurrencyConflictException("portfolio sleeves") : Task.CompletedTask;
        }
    }

    /// <summary>Enqueues its output before touching storage, as PlaceOrder composes its tracking message early.</summary>
    private sealed class RowWritingFunction(StorageAccount storage) : IQueueFunction
    {
        public int Attempts { get; private set; }

        public bool Refuse { get; init; }

        public string Name => "PlaceOrder";

        public async Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken)
        {
            Attempts++;
            context.Enqueue("tracking", new JsonObject { ["id"] = message.MessageId });
            var table = storage.Table("holdrows");
            await table.CreateIfNotExistsAsync(cancellationToken);
            if (Refuse)
            {
                await table.UpsertEntityAsync(new TableEntity("p", "taken"), cancellationToken: cancellationToken);
                await table.AddEntityAsync(new TableEntity("p", "taken"), cancellationToken);
            }

            await table.UpsertEntityAsync(new TableEntity("p", message.MessageId), cancellationToken: cancellationToken);
        }
    }
}
