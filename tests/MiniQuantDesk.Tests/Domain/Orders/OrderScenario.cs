using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Orders;

/// <summary>Builders for order tests: one AAPL buy order and the events that move it.</summary>
internal static class OrderScenario
{
    public const string ClientOrderId = "momo-AAPL-20240304T1431Z-buy";
    public const string BrokerOrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    public static readonly DateTimeOffset T0 = new(2024, 3, 4, 14, 31, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static OrderRecord NewOrder(decimal quantity = 10m) => OrderRecord.FromIntent(
        new OrderIntent(ClientOrderId, "AAPL", OrderSide.Buy, quantity, OrderType.Market, null, T0, "momo", 175m),
        T0);

    public static FillReported Fill(string executionId, decimal quantity, decimal price, int second = 5, decimal commission = 0m) =>
        new(new FillEvent(ClientOrderId, executionId, "AAPL", OrderSide.Buy, quantity, price, commission, At(second)));

    public static StatusReported Reported(string wireStatus, int second = 3) => new(wireStatus, At(second));

    /// <summary>Applies events that must each be applied, failing the test otherwise.</summary>
    public static OrderRecord Applied(OrderRecord record, params OrderEvent[] events)
    {
        foreach (var orderEvent in events)
        {
            var result = OrderStateMachine.Apply(record, orderEvent);
            var applied = Assert.IsType<TransitionApplied>(result);
            record = applied.Record;
        }

        return record;
    }

    /// <summary>An order the broker holds and reports as <c>new</c>.</summary>
    public static OrderRecord Working(decimal quantity = 10m) => Applied(
        NewOrder(quantity),
        new SubmitSent(At(0)),
        new SubmitAcknowledged(BrokerOrderId, At(1)),
        Reported("new", 2));
}
