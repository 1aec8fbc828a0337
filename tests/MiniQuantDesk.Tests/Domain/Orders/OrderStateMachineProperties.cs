using CsCheck;
using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;
using static MiniQuantDesk.Tests.Domain.Orders.OrderScenario;

namespace MiniQuantDesk.Tests.Domain.Orders;

/// <summary>Random event sequences, including the nonsensical ones a broker and a crashing desk can produce.</summary>
public sealed class OrderStateMachineProperties
{
    private static readonly string[] WireStatuses = [.. AlpacaOrderStatus.WireNames, "restated", "pending_review"];

    private static readonly Gen<OrderEvent> AnyEvent = Gen.Frequency(
        (2, Gen.Const<OrderEvent>(new SubmitSent(At(1)))),
        (2, Gen.Const<OrderEvent>(new SubmitAcknowledged(BrokerOrderId, At(2)))),
        (1, Gen.Const<OrderEvent>(new SubmitRefused("403", At(2)))),
        (1, Gen.Const<OrderEvent>(new SubmitOutcomeUnknown("timeout", At(2)))),
        (1, Gen.Const<OrderEvent>(new OrderFound(BrokerOrderId, At(3)))),
        (1, Gen.Const<OrderEvent>(new OrderNotFound(At(3)))),
        (1, Gen.Const<OrderEvent>(new CancelRequested(At(4)))),
        (1, Gen.Const<OrderEvent>(new ReplaceRequested(null, At(4)))),
        (6, Gen.Int[0, WireStatuses.Length - 1].Select(i => (OrderEvent)new StatusReported(WireStatuses[i], At(5)))),
        (8, Gen.Select(Gen.Int[0, 5], Gen.Int[1, 8], Gen.Int[9000, 11000], Gen.Int[0, 59])
            .Select(t => (OrderEvent)Fill($"e{t.Item1}", t.Item2, t.Item3 / 100m, second: t.Item4))));

    private static readonly Gen<(decimal Quantity, OrderEvent[] Events)> Scenarios =
        Gen.Select(Gen.Int[1, 20], Gen.Bool, AnyEvent.Array[0, 40])
            .Select(t => ((decimal)t.Item1, t.Item2
                ? [new SubmitSent(At(0)), new SubmitAcknowledged(BrokerOrderId, At(1)), .. t.Item3]
                : t.Item3));

    private static readonly HashSet<OrderTransitionEdge> Graph = [.. OrderTransitionTable.Edges];

    [Fact]
    public void No_event_sequence_breaks_the_lifecycle_invariants() =>
        Scenarios.Sample(scenario =>
        {
            var record = NewOrder(scenario.Quantity);
            var counted = new Dictionary<string, decimal>();

            foreach (var orderEvent in scenario.Events)
            {
                var before = record;
                var result = OrderStateMachine.Apply(before, orderEvent);
                record = result.Record;

                if (result is TransitionApplied applied)
                {
                    var kind = OrderStateMachine.KindOf(before, orderEvent);
                    Assert.Contains(new OrderTransitionEdge(before.Status, kind, record.Status), Graph);
                    Assert.Equal((before.Status, record.Status, kind), (applied.Transition.From, applied.Transition.To, applied.Transition.Event));
                    if (orderEvent is FillReported { Fill: var fill })
                    {
                        Assert.True(counted.TryAdd(fill.ExecutionId, fill.Quantity), $"execution {fill.ExecutionId} counted twice");
                    }
                }
                else
                {
                    Assert.Same(before, record);
                }

                Assert.InRange(record.FilledQuantity, before.FilledQuantity, record.Quantity);
                Assert.Equal(counted.Values.Sum(), record.FilledQuantity);
                Assert.Equal(counted.Count, record.AppliedExecutionIds.Distinct().Count());
                Assert.Equal(counted.Count, record.AppliedExecutionIds.Count);
                if (before.IsTerminal)
                {
                    Assert.True(record.IsTerminal, $"{before.Status} became {record.Status} on {orderEvent}");
                    Assert.True(record.Status == before.Status || record.Status == OrderStatus.Filled, $"{before.Status} became {record.Status}");
                }

                if (record.Status == OrderStatus.Filled && before.Status != OrderStatus.Filled && orderEvent is FillReported)
                {
                    Assert.Equal(record.Quantity, record.FilledQuantity);
                }
            }
        }, iter: 2000);

    [Fact]
    public void Replaying_the_applied_fills_changes_nothing() =>
        Scenarios.Sample(scenario =>
        {
            var once = scenario.Events.Aggregate(NewOrder(scenario.Quantity), (r, e) => OrderStateMachine.Apply(r, e).Record);

            var replayed = scenario.Events
                .Where(e => e is FillReported { Fill: var f } && once.AppliedExecutionIds.Contains(f.ExecutionId))
                .Aggregate(once, (r, e) => OrderStateMachine.Apply(r, e).Record);

            Assert.Same(once, replayed);
        }, iter: 1000);
}
