namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// One line of the transaction log: an applied transition and the broker data that caused it. Flat and
/// made of primitives so adapters can serialise it as it is (a table row, a JSON line). A fill that
/// leaves the status unchanged is still a transition (the filled quantity moved) and is logged.
/// </summary>
public sealed record OrderTransition(
    string ClientOrderId,
    string? BrokerOrderId,
    OrderStatus From,
    OrderStatus To,
    OrderEventKind Event,
    DateTimeOffset At,
    decimal FilledQuantity,
    decimal? AverageFillPrice,
    string? BrokerStatus = null,
    string? ExecutionId = null,
    decimal? FillQuantity = null,
    decimal? FillPrice = null,
    decimal? FillCommission = null,
    string? Detail = null);
