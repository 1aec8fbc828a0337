using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MiniQuantDesk.Adapters.Discord;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Discord;
using MiniQuantDesk.Functions.Discord.Replies;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using MiniQuantDesk.Functions.ReplyRescue;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Functions.Discord;

/// <summary>
/// A deferred reply whose process died before sending it: the claim it left in storage runs out and ReplyRescue
/// answers the interaction from another process — a read asked again, a state change never run twice.
/// </summary>
public sealed class ReplyRescueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static Interaction Parse(byte[] body) => InteractionParser.Parse(body).Interaction!;

    private static string Title(JsonObject data) => data["embeds"]![0]!["title"]!.GetValue<string>();

    /// <summary>
    /// What a process that deferred and then died leaves: a claim written a minute ago whose lease ran out, never
    /// renewed (its clock is stopped) and never closed.
    /// </summary>
    private static async Task<PendingReply> DiedAfterDeferringAsync(DiscordDesk desk, Interaction interaction, string what, bool updatesMessage = false)
    {
        var stopped = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1));
        var dead = new ReplyClaims(desk.Get<PendingReplyLedger>(), desk.Get<ReplyCheckQueue>(), desk.Get<DiscordOptions>(), stopped, NullLogger<ReplyClaims>.Instance);
        _ = await dead.OpenAsync(interaction, what, updatesMessage);
        return (await desk.Get<PendingReplyLedger>().FindAsync(interaction.Id, CancellationToken.None))!;
    }

    private static async Task CheckAsync(DiscordDesk desk, string interactionId)
    {
        var function = desk.Function<ReplyRescueFunction>();
        var definition = AppRoot.Load(AppContext.BaseDirectory).Find(function.Name)!;
        var text = new ReplyCheckMessage(interactionId, DateTimeOffset.UtcNow.AddMinutes(10)).ToJson().ToJsonString();
        await function.RunAsync(new QueueTrigger(text, Guid.NewGuid().ToString(), 1, DateTimeOffset.UtcNow), new FunctionContext(definition, "test", NullLogger.Instance, null), CancellationToken.None);
        await desk.Get<InteractionReplies>().DrainAsync(TimeSpan.FromSeconds(30));
    }

    private static IReadOnlyList<MiniQuantDesk.Tests.Adapters.Discord.DiscordRequest> EditsOf(DiscordDesk desk, Interaction interaction) =>
        [.. desk.Discord.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal))];

    private static async Task<int> ChecksQueuedAsync(DiscordDesk desk)
    {
        var queue = desk.Storage.Queue(DeskQueues.DiscordReplies);
        return await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    private static async Task ClearChecksAsync(DiscordDesk desk)
    {
        await desk.Storage.Queue(DeskQueues.DiscordReplies).CreateIfNotExistsAsync();
        await desk.Storage.Queue(DeskQueues.DiscordReplies).ClearMessagesAsync();
    }

    [Fact]
    public async Task A_delivered_deferred_reply_leaves_no_claim_and_no_check_behind()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await ClearChecksAsync(desk);
        var body = InteractionSigner.Command("positions");

        var (type, data) = await desk.AnswerAsync(body);

        Assert.Equal(5, type);
        Assert.Equal("No open positions", Title(data));
        Assert.Null(await desk.Get<PendingReplyLedger>().FindAsync(Parse(body).Id, CancellationToken.None));
        Assert.Equal(0, await ChecksQueuedAsync(desk));
    }

    [Fact]
    public async Task A_read_whose_process_died_is_asked_again_and_answered_late_as_of_now()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("positions"));
        await DiedAfterDeferringAsync(desk, interaction, "/positions");

        await CheckAsync(desk, interaction.Id);

        var edit = Assert.Single(EditsOf(desk, interaction));
        var reply = JsonNode.Parse(edit.Body)!.AsObject();
        Assert.Equal("No open positions", Title(reply));
        Assert.StartsWith("Answered late: the desk restarted", reply["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await desk.Get<PendingReplyLedger>().FindAsync(interaction.Id, CancellationToken.None));

        // A second look (a duplicate check) finds the reply delivered and sends nothing.
        await CheckAsync(desk, interaction.Id);
        Assert.Single(EditsOf(desk, interaction));
    }

    [Fact]
    public async Task A_claim_still_renewed_is_left_alone_and_looked_at_again_after_its_lease()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        await ClearChecksAsync(desk);
        var interaction = Parse(InteractionSigner.Command("positions"));
        var ledger = desk.Get<PendingReplyLedger>();
        var alive = await ledger.OpenAsync(interaction, "/positions", false, "a-live-process", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(alive);

        await CheckAsync(desk, interaction.Id);

        Assert.Empty(EditsOf(desk, interaction));
        var row = await ledger.FindAsync(interaction.Id, CancellationToken.None);
        Assert.Equal("a-live-process", row!.Owner);
        Assert.Equal(0, row.TakeOvers);
        Assert.Equal(1, await ChecksQueuedAsync(desk));
    }

    [Fact]
    public async Task A_state_change_whose_process_died_is_not_run_again_the_recorded_outcome_is_sent()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var body = InteractionSigner.Command("stop");
        var interaction = Parse(body);
        var (_, answered) = await desk.AnswerAsync(body); // ran and was audited; its process "died" before the reply left
        await desk.AnswerAsync(InteractionSigner.Command("start")); // the trader moved on
        await DiedAfterDeferringAsync(desk, interaction, "/stop");

        await CheckAsync(desk, interaction.Id);

        var reply = JsonNode.Parse(Assert.Single(EditsOf(desk, interaction)).Body)!.AsObject();
        Assert.Equal("Entries stopped", Title(answered));
        Assert.Equal("/stop: Entries stopped", Title(reply));
        Assert.True((await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None)).TradingEnabled, "the rescue ran /stop again");
        Assert.Single(await desk.LogAsync(), e => e["id"]?.ToString() == $"discord:{interaction.Id}");
    }

    [Fact]
    public async Task A_state_change_that_recorded_no_outcome_says_it_may_not_have_taken_effect_and_changes_nothing()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("stop"));
        var flagsBefore = await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None);
        await DiedAfterDeferringAsync(desk, interaction, "/stop");

        await CheckAsync(desk, interaction.Id);

        var reply = JsonNode.Parse(Assert.Single(EditsOf(desk, interaction)).Body)!.AsObject();
        Assert.Equal("/stop: no confirmation", Title(reply));
        Assert.Contains("may not have taken effect", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(flagsBefore, await new DeskStateStore(desk.Storage).ReadFlagsAsync(CancellationToken.None));
        Assert.DoesNotContain(await desk.LogAsync(), e => e["kind"]?.ToString() == "discord-command");
    }

    [Fact]
    public async Task A_reply_rescued_too_often_is_given_up_without_a_post()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("positions"));
        var ledger = desk.Get<PendingReplyLedger>();
        var orphan = await DiedAfterDeferringAsync(desk, interaction, "/positions");
        Assert.NotNull(await ledger.TryClaimAsync(orphan, "the-third-rescuer", orphan.LeaseUntil, PendingReply.MaxTakeOvers, CancellationToken.None));

        await CheckAsync(desk, interaction.Id);

        Assert.Empty(EditsOf(desk, interaction));
        Assert.Null(await ledger.FindAsync(interaction.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Two_rescuers_at_once_send_one_reply()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("pnl"));
        var orphan = await DiedAfterDeferringAsync(desk, interaction, "/pnl");
        var router = desk.Get<DeskCommandRouter>();

        var taken = await Task.WhenAll(router.RescueAsync(orphan, interaction, CancellationToken.None), router.RescueAsync(orphan, interaction, CancellationToken.None));
        await desk.Get<InteractionReplies>().DrainAsync(TimeSpan.FromSeconds(30));

        Assert.Single(taken, t => t);
        Assert.Single(EditsOf(desk, interaction));
    }

    [Fact]
    public async Task A_stored_body_that_is_not_its_interaction_is_given_up_without_a_post()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("positions"));
        var other = Parse(InteractionSigner.Command("orders"));
        var ledger = desk.Get<PendingReplyLedger>();
        var orphan = await DiedAfterDeferringAsync(desk, interaction with { Body = other.Body }, "/positions");
        Assert.NotNull(orphan);

        await CheckAsync(desk, interaction.Id);

        Assert.DoesNotContain(desk.Discord.Requests, r => r.Method == "PATCH");
        Assert.Null(await ledger.FindAsync(interaction.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_whose_write_landed_while_its_answer_was_lost_is_still_this_process_claim()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var interaction = Parse(InteractionSigner.Command("positions"));
        var ledger = desk.Get<PendingReplyLedger>();
        var now = DateTimeOffset.UtcNow;
        var first = await ledger.OpenAsync(interaction, "/positions", false, "process-a", now, TimeSpan.FromSeconds(20), CancellationToken.None);

        // The storage client's retry of that very write (its first answer lost) meets 409: the row it finds is its own.
        var retried = await ledger.OpenAsync(interaction, "/positions", false, "process-a", now, TimeSpan.FromSeconds(20), CancellationToken.None);
        var someoneElse = await ledger.OpenAsync(interaction, "/positions", false, "process-b", now, TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(retried);
        Assert.Equal(first.ETag, retried.ETag);
        Assert.Null(someoneElse);

        // And the claim it holds can be renewed and closed like any other: nothing is left behind.
        Assert.NotNull(await ledger.TryClaimAsync(retried, "process-a", now.AddSeconds(20), 0, CancellationToken.None));
        await ledger.CloseAsync(interaction.Id, CancellationToken.None);
        Assert.Null(await ledger.FindAsync(interaction.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Claims_whose_token_is_dead_are_swept_and_live_ones_kept()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var ledger = desk.Get<PendingReplyLedger>();
        var dead = Parse(InteractionSigner.Command("positions"));
        var live = Parse(InteractionSigner.Command("orders"));
        var now = DateTimeOffset.UtcNow;

        // A claim recorded 16 minutes ago that nobody closed (its process heard only a timeout), and one just deferred.
        Assert.NotNull(await ledger.OpenAsync(dead, "/positions", false, "gone", now - TimeSpan.FromMinutes(16), TimeSpan.FromSeconds(20), CancellationToken.None));
        Assert.NotNull(await ledger.OpenAsync(live, "/orders", false, "alive", now - TimeSpan.FromMinutes(14), TimeSpan.FromSeconds(20), CancellationToken.None));
        var claims = new ReplyClaims(ledger, desk.Get<ReplyCheckQueue>(), desk.Get<DiscordOptions>(), new FakeTimeProvider(now), NullLogger<ReplyClaims>.Instance);

        var swept = await claims.SweepDeadAsync(CancellationToken.None);

        Assert.True(swept >= 1, $"{swept} swept");
        Assert.Null(await ledger.FindAsync(dead.Id, CancellationToken.None));
        Assert.NotNull(await ledger.FindAsync(live.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_sweep_deletes_at_most_its_bound_per_run()
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var ledger = desk.Get<PendingReplyLedger>();
        var old = DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var interaction = Parse(InteractionSigner.Command("positions"));
            ids.Add(interaction.Id);
            Assert.NotNull(await ledger.OpenAsync(interaction, "/positions", false, "gone", old, TimeSpan.FromSeconds(20), CancellationToken.None));
        }

        var first = await ledger.DeleteDeferredBeforeAsync(old.AddMinutes(1), 3, CancellationToken.None);
        var left = 0;
        foreach (var id in ids)
        {
            left += await ledger.FindAsync(id, CancellationToken.None) is null ? 0 : 1;
        }

        Assert.Equal(3, first);
        Assert.True(left >= 2, $"{left} of ours left after a bounded sweep of 3");
        await ledger.DeleteDeferredBeforeAsync(old.AddMinutes(1), 1_000, CancellationToken.None);
        foreach (var id in ids)
        {
            Assert.Null(await ledger.FindAsync(id, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("""{"kind":"reply-check"}""")]
    [InlineData("""{"interactionId":"../x"}""")]
    [InlineData("""{"interactionId":42}""")]
    [InlineData("[]")]
    public async Task A_malformed_check_is_refused_with_a_reason(string text)
    {
        await using var desk = await DiscordDesk.StartAsync(azurite);
        var function = desk.Function<ReplyRescueFunction>();
        var definition = AppRoot.Load(AppContext.BaseDirectory).Find(function.Name)!;

        var refused = await Assert.ThrowsAsync<InvalidInvocationException>(() =>
            function.RunAsync(new QueueTrigger(text, "m", 1, DateTimeOffset.UtcNow), new FunctionContext(definition, "test", NullLogger.Instance, null), CancellationToken.None));

        Assert.Contains("interactionId", refused.Message, StringComparison.Ordinal);
        Assert.Empty(desk.Discord.Requests);
    }
}
