using MiniQuantDesk.Domain.Accounting;

namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// A fact about an order, from the desk (it sent, it asked to cancel) or from the broker (a status, a
/// fill, a lookup result). <see cref="At"/> is when the fact was observed or, for fills, executed.
/// </summary>
public abstract record OrderEvent(DateTimeOffset At);

/// <summary>The desk is about to send <c>POST /v2/orders</c> with client_order_id = the intent id.</summary>
public sealed record SubmitSent(DateTimeOffset At) : OrderEvent(At);

/// <summary>The submit returned the broker's Order; apply its status as a <see cref="StatusReported"/> next.</summary>
public sealed record SubmitAcknowledged(string BrokerOrderId, DateTimeOffset At) : OrderEvent(At);

/// <summary>The broker definitely refused the submit (e.g. 403 insufficient buying power).</summary>
public sealed record SubmitRefused(string Reason, DateTimeOffset At) : OrderEvent(At);

/// <summary>The submit timed out or got a 5xx/429: the order may exist at the broker.</summary>
public sealed record SubmitOutcomeUnknown(string Reason, DateTimeOffset At) : OrderEvent(At);

/// <summary><c>GET /v2/orders:by_client_order_id</c> found the order; apply its status next.</summary>
public sealed record OrderFound(string BrokerOrderId, DateTimeOffset At) : OrderEvent(At);

/// <summary>The lookup by client_order_id returned 404: the order was never placed.</summary>
public sealed record OrderNotFound(DateTimeOffset At) : OrderEvent(At);

/// <summary>The desk asked to cancel (a 204 from <c>DELETE /v2/orders/{id}</c>, which is not a cancel yet).</summary>
public sealed record CancelRequested(DateTimeOffset At) : OrderEvent(At);

/// <summary>The desk asked to replace (<c>PATCH</c>); the replacement is a new order with its own record.</summary>
public sealed record ReplaceRequested(string? ReplacementBrokerOrderId, DateTimeOffset At) : OrderEvent(At);

/// <summary>The broker reported a status, as its wire name (e.g. <c>partially_filled</c>).</summary>
public sealed record StatusReported(string BrokerStatus, DateTimeOffset At) : OrderEvent(At);

/// <summary>The broker reported an execution.</summary>
public sealed record FillReported(FillEvent Fill) : OrderEvent(Fill.At);
