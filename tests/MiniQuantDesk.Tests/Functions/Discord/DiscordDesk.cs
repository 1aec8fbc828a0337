using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Discord.Signatures;
using MiniQuantDesk.Adapters.Simulation;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Discord;
using MiniQuantDesk.Functions.DiscordInteractions;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Tests.Adapters.Discord;
using MiniQuantDesk.Tests.Adapters.Simulation;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Discord;

/// <summary>
/// The desk's real composition (DeskServices) in-process, on Azurite, trading the simulated market on a fake clock,
/// with a loopback Discord taking webhook posts and follow-ups. State is wiped at start, so each test begins
/// with a desk that has never been touched.
/// </summary>
public sealed class DiscordDesk : IAsyncDisposable
{
    private DiscordDesk(SimHarness sim, LoopbackDiscordServer discord, ServiceProvider services, StorageAccount storage)
    {
        Sim = sim;
        Discord = discord;
        Services = services;
        Storage = storage;
    }

    public SimHarness Sim { get; }

    public LoopbackDiscordServer Discord { get; }

    public ServiceProvider Services { get; }

    public StorageAccount Storage { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TFunction Function<TFunction>() where TFunction : IDeskFunction => Services.GetServices<IDeskFunction>().OfType<TFunction>().Single();

    public static async Task<DiscordDesk> StartAsync(AzuriteFixture azurite, Action<Dictionary<string, string?>>? change = null, SignatureClock? clock = null)
    {
        var sim = await SimHarness.StartAsync(o => o.Speed = 60m);
        sim.MarketAt(TimeSpan.FromMinutes(30));
        var discord = await LoopbackDiscordServer.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alpaca:TradingBaseUrl"] = sim.Market.BaseAddress.ToString(),
            ["Alpaca:DataBaseUrl"] = sim.Market.BaseAddress.ToString(),
            ["Alpaca:KeyId"] = SimHarness.KeyId,
            ["Alpaca:SecretKey"] = SimHarness.SecretKey,
            ["Desk:Symbols"] = "SPY,AAPL",
            ["Discord:PublicKey"] = InteractionSigner.SpecPublicKey,
            ["Discord:ApplicationId"] = InteractionSigner.ApplicationId,
            ["Discord:AllowedUserIds"] = InteractionSigner.Trader,
            ["Discord:ApiBaseUrl"] = discord.ApiBase.ToString(),
            ["Discord:RetryBaseDelay"] = "00:00:00.010",
            ["Discord:MaxRetries"] = "1",
            ["Discord:Webhooks:System"] = discord.Webhook("100000000000000001", "system-token").ToString(),
            ["Discord:Webhooks:Trading"] = discord.Webhook("100000000000000002", "trading-token").ToString(),
            ["Discord:Webhooks:Risk"] = discord.Webhook("100000000000000003", "risk-token").ToString(),
            ["Discord:Webhooks:Daily"] = discord.Webhook("100000000000000004", "daily-token").ToString(),
        };
        change?.Invoke(values);
        var settings = DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var services = new ServiceCollection();
        services.AddLogging();
        DeskServices.Add(services, settings, AppRoot.Load(AppContext.BaseDirectory), new SimulatedTimeProvider(sim.Market.Clock, sim.Time));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var storage = azurite.Storage();
        await WipeAsync(storage);
        return new DiscordDesk(sim, discord, services.BuildServiceProvider(), storage);
    }

    /// <summary>POSTs a body to the real DiscordInteractions function, signed with the spec key unless told otherwise.</summary>
    public async Task<HttpResponseData> PostAsync(byte[] body, string? timestamp = null, string? signature = null, bool signed = true)
    {
        timestamp ??= InteractionSigner.Now();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (signed)
        {
            headers[DiscordSignatureVerifier.TimestampHeader] = timestamp;
            headers[DiscordSignatureVerifier.SignatureHeader] = signature ?? InteractionSigner.Sign(timestamp, body);
        }

        var function = Function<DiscordInteractionsFunction>();
        var definition = AppRoot.Load(AppContext.BaseDirectory).Find(function.Name)!;
        return await function.HandleAsync(new HttpRequestData("POST", "/api/discord/interactions", new Dictionary<string, string>(), headers, body),
            new FunctionContext(definition, "test", NullLogger.Instance, null), CancellationToken.None);
    }

    /// <summary>Posts and, when the answer was deferred, waits for the follow-up and returns what was PATCHed.</summary>
    public async Task<(int Type, JsonObject Data)> AnswerAsync(byte[] body)
    {
        var response = await PostAsync(body);
        Assert.Equal(200, response.StatusCode);
        var json = JsonNode.Parse(response.BodyText)!.AsObject();
        var type = json["type"]!.GetValue<int>();
        if (type is 5 or 6)
        {
            await Get<InteractionReplies>().DrainAsync(TimeSpan.FromSeconds(30));
            var edit = Discord.Requests.Last(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
            return (type, JsonNode.Parse(edit.Body)!.AsObject());
        }

        return (type, json["data"]!.AsObject());
    }

    public async Task<IReadOnlyList<JsonObject>> LogAsync() => await new TransactionLog(Storage).ReadDayAsync(Get<TimeProvider>().GetUtcNow(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Get<InteractionReplies>().DrainAsync(TimeSpan.FromSeconds(10));
        await Services.DisposeAsync();
        await Discord.DisposeAsync();
        await Sim.DisposeAsync();
    }

    private static async Task WipeAsync(StorageAccount storage)
    {
        foreach (var table in DeskTables.AllTables.Append(MiniQuantDesk.Functions.NotifyDiscord.NotificationLedger.TableName))
        {
            await storage.Table(table).DeleteAsync();
            await storage.Table(table).CreateIfNotExistsAsync();
        }

        await storage.Blobs.GetBlobContainerClient(DeskTables.TransactionLogContainer).DeleteIfExistsAsync();
        await storage.Blobs.GetBlobContainerClient(DeskTables.TransactionLogContainer).CreateIfNotExistsAsync();
        await storage.Queue(DeskQueues.Notifications).DeleteIfExistsAsync();
        await storage.Queue(DeskQueues.Notifications).CreateIfNotExistsAsync();
    }
}
