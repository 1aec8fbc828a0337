using MiniQuantDesk.Domain.Orders;
using static MiniQuantDesk.Tests.Domain.Orders.OrderScenario;

namespace MiniQuantDesk.Tests.Domain.Orders;

public sealed class OrderStateMachineTests
{
    [Fact]
    public void Happy_path_from_intent_to_filled_keeps_the_broker_data()
    {
        var record = Applied(NewOrder(), new SubmitSent(At(0)));
        Assert.Equal(OrderStatus.Submitting, record.Status);
        Assert.Equal(At(0), record.SubmittedAt);

        record = Applied(record, new SubmitAcknowledged(BrokerOrderId, At(1)), Reported("new", 2));
        Assert.Equal(OrderStatus.New, record.Status);
        Assert.Equal(BrokerOrderId, record.BrokerOrderId);

        record = Applied(record, Fill("e1", 4m, 175.00m, second: 3));
        Assert.Equal(OrderStatus.PartiallyFilled, record.Status);

        record = Applied(record, Fill("e2", 6m, 176.00m, second: 4));
        Assert.Equal(OrderStatus.Filled, record.Status);
        Assert.Equal(10m, record.FilledQuantity);

        // (4 × 175.00 + 6 × 176.00) / 10 = (700 + 1056) / 10 = 175.60
        Assert.Equal(175.60m, record.AverageFillPrice);
        Assert.Equal(["e1", "e2"], record.AppliedExecutionIds);
        Assert.Equal(At(4), record.ClosedAt);
        Assert.Equal(At(4), record.LastFillAt);
        Assert.True(record.IsTerminal);
    }

    [Fact]
    public void A_fill_after_a_cancel_request_counts_and_the_request_stands()
    {
        var record = Applied(Working(), new CancelRequested(At(10)));
        Assert.Equal(OrderStatus.PendingCancel, record.Status);

        record = Applied(record, Fill("e1", 3m, 175m, second: 11));
        Assert.Equal(OrderStatus.PendingCancel, record.Status);
        Assert.Equal(3m, record.FilledQuantity);

        record = Applied(record, Reported("canceled", 12));
        Assert.Equal(OrderStatus.Canceled, record.Status);
        Assert.Equal(3m, record.FilledQuantity);
    }

    [Fact]
    public void A_fill_of_the_last_shares_after_a_cancel_request_fills_the_order()
    {
        var record = Applied(Working(), new CancelRequested(At(10)), Fill("e1", 10m, 175m, second: 11));

        Assert.Equal(OrderStatus.Filled, record.Status);
    }

    [Fact]
    public void A_late_fill_on_a_canceled_order_still_counts()
    {
        var record = Applied(Working(), Fill("e1", 2m, 175m, second: 5), Reported("canceled", 8));
        Assert.Equal(OrderStatus.Canceled, record.Status);

        // Executed before the cancel took, reported after it.
        var result = Assert.IsType<TransitionApplied>(OrderStateMachine.Apply(record, Fill("e2", 3m, 174m, second: 7)));

        Assert.Equal(OrderStatus.Canceled, result.Record.Status);
        Assert.Equal(5m, result.Record.FilledQuantity);
        Assert.Equal(OrderStatus.Canceled, result.Transition.From);
        Assert.Equal(OrderStatus.Canceled, result.Transition.To);
        Assert.Equal(At(8), result.Record.UpdatedAt);
        Assert.Equal(At(8), result.Record.ClosedAt);
    }

    [Fact]
    public void A_late_fill_that_completes_a_canceled_order_makes_it_filled()
    {
        var record = Applied(Working(), Fill("e1", 2m, 175m), Reported("canceled", 8), Fill("e2", 8m, 175m, second: 7));

        Assert.Equal(OrderStatus.Filled, record.Status);
        Assert.Equal(10m, record.FilledQuantity);
    }

    [Fact]
    public void A_filled_status_before_its_fills_keeps_counting_the_fills()
    {
        var record = Applied(Working(), Reported("filled", 5));
        Assert.Equal(0m, record.FilledQuantity);

        record = Applied(record, Fill("e1", 4m, 175m), Fill("e2", 6m, 175m));

        Assert.Equal(OrderStatus.Filled, record.Status);
        Assert.Equal(10m, record.FilledQuantity);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("accepted")]
    [InlineData("pending_new")]
    public void A_stale_report_after_partially_filled_is_ignored_and_does_not_unfill(string stale)
    {
        var record = Applied(Working(), Fill("e1", 4m, 175m));
        Assert.Equal(OrderStatus.PartiallyFilled, record.Status);

        var result = OrderStateMachine.Apply(record, Reported(stale, 7));

        var ignored = Assert.IsType<TransitionIgnored>(result);
        Assert.Same(record, ignored.Record);
        Assert.Equal(OrderStatus.PartiallyFilled, ignored.Record.Status);
        Assert.Equal(4m, ignored.Record.FilledQuantity);
    }

    [Fact]
    public void A_stale_working_report_after_filled_is_ignored()
    {
        var record = Applied(Working(), Fill("e1", 10m, 175m));

        Assert.IsType<TransitionIgnored>(OrderStateMachine.Apply(record, Reported("partially_filled", 9)));
        Assert.IsType<TransitionIgnored>(OrderStateMachine.Apply(record, Reported("new", 9)));
    }

    [Fact]
    public void A_fill_already_applied_is_ignored_and_never_counted_twice()
    {
        var record = Applied(Working(), Fill("e1", 4m, 175m));

        var result = OrderStateMachine.Apply(record, Fill("e1", 4m, 175m));

        var ignored = Assert.IsType<TransitionIgnored>(result);
        Assert.Same(record, ignored.Record);
        Assert.Equal(4m, ignored.Record.FilledQuantity);
        Assert.Contains("e1", ignored.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fill_beyond_the_order_quantity_is_refused()
    {
        var record = Applied(Working(), Fill("e1", 6m, 175m));

        var refused = Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, Fill("e2", 5m, 175m)));

        Assert.Same(record, refused.Record);
        Assert.Contains("11", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("over the order's 10", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unresolved_submit_is_resolved_only_by_a_lookup()
    {
        var record = Applied(NewOrder(), new SubmitSent(At(0)), new SubmitOutcomeUnknown("timeout after 10 s", At(10)));
        Assert.Equal(OrderStatus.Unresolved, record.Status);

        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new SubmitSent(At(11))));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, Reported("new", 11)));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new CancelRequested(At(11))));

        var found = Applied(record, new OrderFound(BrokerOrderId, At(12)));
        Assert.Equal(OrderStatus.Accepted, found.Status);
        Assert.Equal(BrokerOrderId, found.BrokerOrderId);

        var notFound = Applied(record, new OrderNotFound(At(12)));
        Assert.Equal(OrderStatus.Intended, notFound.Status);
        Assert.Null(notFound.BrokerOrderId);
        Assert.Equal(OrderStatus.Submitting, Applied(notFound, new SubmitSent(At(13))).Status);
    }

    [Fact]
    public void A_refused_submit_rejects_the_order_and_it_takes_no_fills()
    {
        var record = Applied(NewOrder(), new SubmitSent(At(0)), new SubmitRefused("403 insufficient buying power", At(1)));

        Assert.Equal(OrderStatus.Rejected, record.Status);
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, Fill("e1", 1m, 175m)));
    }

    [Fact]
    public void Canceling_an_intent_never_sent_abandons_it_for_good()
    {
        var record = Applied(NewOrder(), new CancelRequested(At(1)));

        Assert.Equal(OrderStatus.Abandoned, record.Status);
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new SubmitSent(At(2))));
    }

    [Fact]
    public void Alpaca_rules_for_cancel_and_replace_are_kept()
    {
        var pendingReplace = Applied(Working(), new ReplaceRequested("7c1d…", At(5)));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(pendingReplace, new CancelRequested(At(6))));

        var accepted = Applied(NewOrder(), new SubmitSent(At(0)), new SubmitAcknowledged(BrokerOrderId, At(1)));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(accepted, new ReplaceRequested(null, At(2))));

        var pendingCancel = Applied(Working(), new CancelRequested(At(5)));
        Assert.IsType<TransitionIgnored>(OrderStateMachine.Apply(pendingCancel, new CancelRequested(At(6))));
    }

    [Fact]
    public void An_unknown_broker_status_keeps_a_working_order_in_flight()
    {
        var record = Working();

        var ignored = Assert.IsType<TransitionIgnored>(OrderStateMachine.Apply(record, Reported("restated", 5)));

        Assert.Equal(OrderStatus.New, ignored.Record.Status);
        Assert.Contains("restated", ignored.Reason, StringComparison.Ordinal);
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(NewOrder(), Reported("restated", 5)));
    }

    [Fact]
    public void A_closed_order_refuses_a_contradicting_close()
    {
        var filled = Applied(Working(), Fill("e1", 10m, 175m));

        var refused = Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(filled, Reported("canceled", 9)));

        Assert.Contains("ReportedCanceled", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("Filled", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_line_carries_the_broker_data_that_caused_it()
    {
        var record = Working();

        var status = Assert.IsType<TransitionApplied>(OrderStateMachine.Apply(record, Reported("partially_filled", 4))).Transition;
        var fill = Assert.IsType<TransitionApplied>(OrderStateMachine.Apply(record, Fill("e7", 4m, 175.25m, second: 5, commission: 0.35m))).Transition;

        Assert.Equal(
            new OrderTransition(ClientOrderId, BrokerOrderId, OrderStatus.New, OrderStatus.PartiallyFilled, OrderEventKind.ReportedPartiallyFilled, At(4), 0m, null, BrokerStatus: "partially_filled"),
            status);
        Assert.Equal(
            new OrderTransition(ClientOrderId, BrokerOrderId, OrderStatus.New, OrderStatus.PartiallyFilled, OrderEventKind.PartialFill, At(5), 4m, 175.25m, ExecutionId: "e7", FillQuantity: 4m, FillPrice: 175.25m, FillCommission: 0.35m),
            fill);
    }

    [Fact]
    public void A_fill_that_is_not_for_this_order_is_refused()
    {
        var record = Working();
        var other = Fill("e1", 1m, 175m).Fill;

        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new FillReported(other with { ClientOrderId = "another" })));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new FillReported(other with { Symbol = "MSFT" })));
        Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new FillReported(other with { Side = OrderSide.Sell })));
    }

    [Fact]
    public void Bad_fill_data_is_refused_with_the_field_named()
    {
        var record = Working();
        var bad = Fill("e1", 0m, -1m).Fill;

        var refused = Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(record, new FillReported(bad)));

        Assert.Contains("FillEvent.Quantity must be > 0, was 0", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("FillEvent.Price must be > 0, was -1", refused.Reason, StringComparison.Ordinal);
        Assert.Same(record, refused.Record);
    }

    [Fact]
    public void An_acknowledgement_without_a_broker_id_is_refused()
    {
        var submitting = Applied(NewOrder(), new SubmitSent(At(0)));

        var refused = Assert.IsType<TransitionRefused>(OrderStateMachine.Apply(submitting, new SubmitAcknowledged(" ", At(1))));

        Assert.Contains("BrokerOrderId", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_for_day_resumes_as_new_the_next_day()
    {
        var record = Applied(Working(), Reported("done_for_day", 5), Reported("new", 6));

        Assert.Equal(OrderStatus.New, record.Status);
    }
}
