using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Adapters.Simulation.Exchange;

/// <summary>One execution, reported as a FILL account activity (<see cref="Id"/> unique per execution).</summary>
internal sealed record SimFill(
    string Id,
    DateTimeOffset TransactionTime,
    string Symbol,
    OrderSide Side,
    decimal Qty,
    decimal Price,
    decimal CumQty,
    decimal LeavesQty,
    string OrderId,
    string OrderStatus)
{
    /// <summary>"fill" when it completed the order, "partial_fill" otherwise.</summary>
    public string Type => LeavesQty == 0m ? "fill" : "partial_fill";
}
