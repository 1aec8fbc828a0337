namespace MiniQuantDesk.Domain.Orders;

/// <summary>
/// A stop-loss and/or take-profit that the broker holds for an entry (Alpaca bracket or OTO order),
/// so the protection survives the desk being down.
/// </summary>
public sealed record ProtectiveExit(decimal? StopLossPrice, decimal? TakeProfitPrice);
