using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Domain.Research;

/// <summary>A fill the desk got (one per order: its filled quantity at its average price, at its last fill).</summary>
public sealed record PaperFill(string ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTimeOffset At);
