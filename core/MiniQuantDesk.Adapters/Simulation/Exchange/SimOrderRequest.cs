using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>A submitted order, already checked for shape (the exchange checks it against the account).</summary>
internal sealed record SimOrderRequest(
    string Symbol,
    decimal Qty,
    OrderSide Side,
    string Type,
    string TimeInForce,
    decimal? LimitPrice,
    decimal? StopPrice,
    string? ClientOrderId,
    string OrderClass,
    decimal? TakeProfitLimitPrice,
    decimal? StopLossStopPrice,
    decimal? StopLossLimitPrice);

/// <summary>The fields of <c>PATCH /v2/orders/{id}</c>; null = keep.</summary>
internal sealed record SimReplaceRequest(decimal? Qty, string? TimeInForce, decimal? LimitPrice, decimal? StopPrice, string? ClientOrderId);
