using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>An approved market order waiting for its symbol's next bar: what the fill needs of the intent (its id is not needed to fill it).</summary>
internal readonly record struct PendingOrder(OrderSide Side, decimal Quantity, decimal ReferencePrice, ProtectiveExit? Protection);
