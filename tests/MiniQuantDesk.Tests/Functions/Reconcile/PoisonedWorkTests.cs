using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Functions.Reconcile;

namespace MiniQuantDesk.Tests.Functions.Reconcile;

/// <summary>A poisoned message counts as done only when the desk's records prove it; anything else is work not done.</summary>
public sealed class PoisonedWorkTests
{
    private static readonly PoisonedWork.Facts Facts = new(
        new Dictionary<string, OrderStatus>(StringComparer.Ordinal)
        {
            ["placed"] = OrderStatus.New,
            ["filled"] = OrderStatus.Filled,
            ["half-done"] = OrderStatus.Intended,
            ["in-flight"] = OrderStatus.Submitting,
            ["unknown-at-broker"] = OrderStatus.Unresolved,
        },
        new HashSet<string>(StringComparer.Ordinal) { "refused" },
        new DateTimeOffset(2019, 2, 12, 15, 30, 0, TimeSpan.Zero),
        new HashSet<string>(StringComparer.Ordinal) { "fill:placed:5" });

    [Theory]
    [InlineData("placed", true)]
    [InlineData("filled", true)]
    [InlineData("refused", true)]
    [InlineData("half-done", false)]
    [InlineData("in-flight", false)]
    [InlineData("unknown-at-broker", false)]
    [InlineData("never-seen", false)]
    public void An_intent_is_done_when_its_order_reached_the_broker_or_risk_refused_it(string intent, bool done)
    {
        var why = PoisonedWork.DoneBecause(DeskQueues.OrderIntents, $$"""{"intentId":"{{intent}}","symbol":"SPY"}""", Facts);

        Assert.Equal(done, why is not null);
        if (done)
        {
            Assert.Contains(intent, why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("filled", true)]
    [InlineData("placed", false)]
    [InlineData("never-seen", false)]
    public void A_tracking_message_is_done_when_its_order_is_final(string order, bool done) =>
        Assert.Equal(done, PoisonedWork.DoneBecause(DeskQueues.OrderTracking, $$"""{"clientOrderId":"{{order}}","attempt":3}""", Facts) is not null);

    [Theory]
    [InlineData("2019-02-12T15:29:00Z", true)]
    [InlineData("2019-02-12T15:30:00Z", true)]
    [InlineData("2019-02-12T15:31:00Z", false)]
    public void A_bar_tick_is_done_when_its_minute_or_a_later_one_was_evaluated(string minute, bool done) =>
        Assert.Equal(done, PoisonedWork.DoneBecause(DeskQueues.BarTicks, $$"""{"kind":"bar-tick","minute":"{{minute}}","symbols":["SPY"]}""", Facts) is not null);

    [Theory]
    [InlineData(DeskQueues.OrderIntents, "not json")]
    [InlineData(DeskQueues.OrderIntents, "[\"placed\"]")]
    [InlineData(DeskQueues.OrderIntents, "{\"intentId\":42}")]
    [InlineData(DeskQueues.BarTicks, "{\"minute\":\"yesterday\"}")]
    [InlineData(DeskQueues.Notifications, "{\"id\":\"placed\"}")]
    [InlineData(DeskQueues.Notifications, "{\"id\":\"fill:other:5\"}")]
    public void What_cannot_be_proven_done_is_not_done(string queue, string text) =>
        Assert.Null(PoisonedWork.DoneBecause(queue, text, Facts));

    [Fact]
    public void A_notification_is_done_when_the_ledger_says_Discord_took_it() =>
        Assert.Equal("notification fill:placed:5 was delivered", PoisonedWork.DoneBecause(DeskQueues.Notifications, """{"kind":"notification","id":"fill:placed:5"}""", Facts));

    [Fact]
    public void Without_any_evaluation_recorded_no_tick_is_done() =>
        Assert.Null(PoisonedWork.DoneBecause(DeskQueues.BarTicks, """{"minute":"2019-02-12T15:00:00Z"}""", Facts with { LastEvaluatedMinute = null }));

    [Fact]
    public void A_reply_check_is_done_once_its_interaction_token_expired_and_not_before()
    {
        const string check = """{"kind":"reply-check","interactionId":"786008729715212345","expiresAt":"2019-02-12T15:15:00.0000000+00:00"}""";

        Assert.Equal("the interaction token of reply check 786008729715212345 expired at 15:15Z",
            PoisonedWork.DoneBecause(DeskQueues.DiscordReplies, check, Facts with { Now = new DateTimeOffset(2019, 2, 12, 15, 15, 0, TimeSpan.Zero) }));
        Assert.Null(PoisonedWork.DoneBecause(DeskQueues.DiscordReplies, check, Facts with { Now = new DateTimeOffset(2019, 2, 12, 15, 14, 59, TimeSpan.Zero) }));
        Assert.Null(PoisonedWork.DoneBecause(DeskQueues.DiscordReplies, """{"interactionId":"786008729715212345"}""", Facts with { Now = DateTimeOffset.MaxValue }));
    }
}
