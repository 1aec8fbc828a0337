using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Orders;

public sealed class OrderTransitionTableTests
{
    // The status values of Alpaca's Order object, copied from the spec's status table (specs/alpaca.md §6).
    public static readonly TheoryData<string> AlpacaStatuses =
    [
        "new", "partially_filled", "filled", "done_for_day", "canceled", "expired", "replaced", "pending_cancel",
        "pending_replace", "pending_review", "accepted", "pending_new", "accepted_for_bidding", "stopped", "rejected",
        "suspended", "calculated", "held",
    ];

    private static readonly OrderStatus[] DeskStatuses = [OrderStatus.Intended, OrderStatus.Submitting, OrderStatus.Unresolved, OrderStatus.Abandoned];

    [Theory]
    [MemberData(nameof(AlpacaStatuses))]
    public void Every_Alpaca_status_has_a_state_and_round_trips(string wireName)
    {
        Assert.True(AlpacaOrderStatus.TryParse(wireName, out var status));
        Assert.Equal(wireName, AlpacaOrderStatus.WireName(status));
    }

    [Fact]
    public void Only_the_desk_statuses_have_no_wire_name()
    {
        var withoutWireName = Enum.GetValues<OrderStatus>().Where(s => AlpacaOrderStatus.WireName(s) is null);

        Assert.Equal(DeskStatuses, withoutWireName);
        Assert.Equal(AlpacaStatuses.Count, AlpacaOrderStatus.WireNames.Count);
    }

    [Theory]
    [InlineData("restated")]
    [InlineData("NEW")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_wire_names_do_not_parse(string? wireName) =>
        Assert.False(AlpacaOrderStatus.TryParse(wireName, out _));

    [Theory]
    [InlineData("filled")]
    [InlineData("canceled")]
    [InlineData("expired")]
    [InlineData("replaced")]
    [InlineData("rejected")]
    public void The_spec_terminal_statuses_are_terminal(string wireName)
    {
        Assert.True(AlpacaOrderStatus.TryParse(wireName, out var status));
        Assert.True(OrderTransitionTable.IsTerminal(status));
    }

    [Fact]
    public void Exactly_the_five_closed_statuses_and_abandoned_are_terminal()
    {
        var terminal = Enum.GetValues<OrderStatus>().Where(OrderTransitionTable.IsTerminal).Order();

        Assert.Equal(
            new[] { OrderStatus.Abandoned, OrderStatus.Filled, OrderStatus.Canceled, OrderStatus.Expired, OrderStatus.Replaced, OrderStatus.Rejected }.Order(),
            terminal);
    }

    [Fact]
    public void Every_broker_status_is_in_exactly_one_group()
    {
        var groups = new[]
        {
            OrderTransitionTable.Received, OrderTransitionTable.Live, new OrderStatusSet("PartiallyFilled", [OrderStatus.PartiallyFilled]),
            OrderTransitionTable.Pending, OrderTransitionTable.Closed,
        };

        foreach (var status in Enum.GetValues<OrderStatus>().Except(DeskStatuses))
        {
            Assert.Single(groups, g => g.Members.Contains(status));
        }
    }

    [Fact]
    public void A_terminal_status_only_moves_to_filled()
    {
        var leaving = OrderTransitionTable.Edges.Where(e => OrderTransitionTable.IsTerminal(e.From) && e.To != e.From).ToList();

        Assert.NotEmpty(leaving);
        Assert.All(leaving, e => Assert.Equal(OrderStatus.Filled, e.To));
    }

    [Fact]
    public void Every_status_is_reachable_from_intended_and_every_open_one_can_close()
    {
        var successors = OrderTransitionTable.Edges.ToLookup(e => e.From, e => e.To);

        var fromIntended = Reachable(OrderStatus.Intended, successors);
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), fromIntended.Order());

        foreach (var status in Enum.GetValues<OrderStatus>().Where(s => !OrderTransitionTable.IsTerminal(s)))
        {
            Assert.Contains(Reachable(status, successors), OrderTransitionTable.IsTerminal);
        }
    }

    [Fact]
    public void Statuses_before_the_broker_refuse_every_broker_report_and_fill()
    {
        var brokerFacts = Enum.GetValues<OrderEventKind>().Where(k => k.ToString().StartsWith("Reported", StringComparison.Ordinal) || k is OrderEventKind.PartialFill or OrderEventKind.CompletingFill);

        foreach (var status in DeskStatuses)
        {
            foreach (var kind in brokerFacts)
            {
                Assert.Null(OrderTransitionTable.Next(status, kind));
            }
        }
    }

    [Fact]
    public void Every_open_status_takes_every_status_report()
    {
        var reports = Enum.GetValues<OrderEventKind>().Where(k => k.ToString().StartsWith("Reported", StringComparison.Ordinal)).ToList();

        foreach (var status in OrderTransitionTable.Open.Members)
        {
            Assert.All(reports, kind => Assert.NotNull(OrderTransitionTable.Next(status, kind)));
        }
    }

    private static HashSet<OrderStatus> Reachable(OrderStatus start, ILookup<OrderStatus, OrderStatus> successors)
    {
        var seen = new HashSet<OrderStatus> { start };
        var frontier = new Queue<OrderStatus>([start]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var next in successors[status].Where(seen.Add))
            {
                frontier.Enqueue(next);
            }
        }

        return seen;
    }
}
