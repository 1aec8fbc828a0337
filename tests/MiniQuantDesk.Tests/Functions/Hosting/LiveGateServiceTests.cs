using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Hosting;

/// <summary>The live gate at start-up, on Azurite: an empty paper record refuses Live; the override starts loudly, logged and notified.</summary>
public sealed class LiveGateServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 13, 0, 0, TimeSpan.Zero);

    private LiveGateService Service(string mode, bool overrideGate, StorageAccount storage)
    {
        var settings = DeskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alpaca:Mode"] = mode,
            ["Alpaca:TradingBaseUrl"] = mode == "Live" ? "https://api.alpaca.markets" : "https://paper-api.alpaca.markets",
            ["Desk:Symbols"] = "SPY",
            ["LiveGate:Override"] = overrideGate ? "true" : "false",
            ["LiveGate:LookbackDays"] = "3",
        }).Build());
        return new LiveGateService(settings, storage, new TransactionLog(storage), new OrderStore(storage), new BarStore(storage), new FakeTime(Now), NullLogger<LiveGateService>.Instance);
    }

    [Fact]
    public async Task Live_without_a_paper_record_is_refused_naming_the_criterion_and_paper_starts_logging_its_configuration()
    {
        var storage = azurite.Storage();

        await Service("Paper", false, storage).StartAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SettingsException>(() => Service("Live", false, storage).StartAsync(CancellationToken.None));

        Assert.Contains("Live trading refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("paper session(s) with configuration", string.Join("\n", refused.Problems), StringComparison.Ordinal);
        Assert.Contains("LiveGate:MinSessions needs 30", string.Join("\n", refused.Problems), StringComparison.Ordinal);
        var day = await new TransactionLog(storage).ReadDayAsync(Now, CancellationToken.None);
        Assert.Contains(day, e => (string?)e["kind"] == "desk-config" && (string?)e["mode"] == "Paper");
    }

    [Fact]
    public async Task The_override_starts_live_and_is_written_to_the_log_and_the_notifications_queue()
    {
        var storage = azurite.Storage();

        await Service("Live", true, storage).StartAsync(CancellationToken.None);

        var day = await new TransactionLog(storage).ReadDayAsync(Now, CancellationToken.None);
        var entry = Assert.Single(day, e => (string?)e["kind"] == "live-gate-override");
        Assert.Contains("LiveGate:MinSessions needs 30", entry["failed"]!.ToJsonString(), StringComparison.Ordinal);
        var messages = (await storage.Queue(DeskQueues.Notifications).ReceiveMessagesAsync(32)).Value;
        Assert.Contains(messages, m => m.Body.ToString().Contains("\"event\":\"live-gate-override\"", StringComparison.Ordinal));
    }

    private sealed class FakeTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
