namespace MiniQuantDesk.Adapters.Simulation;

/// <summary>A consistent snapshot of the simulated account (the C# side of <c>/_sim/state</c>), for tests and the CLI.</summary>
public sealed record SimulatedMarketState(
    DateTimeOffset Now,
    decimal Cash,
    decimal Equity,
    decimal BuyingPower,
    IReadOnlyList<SimulatedPosition> Positions,
    IReadOnlyList<SimulatedOrder> Orders,
    IReadOnlyList<SimulatedExecution> Fills);

/// <summary>A long position valued at the last completed close (<see cref="Mark"/>).</summary>
public sealed record SimulatedPosition(string Symbol, decimal Qty, decimal AvgEntryPrice, decimal CostBasis, decimal Mark)
{
    public decimal MarketValue => Qty * Mark;

    public decimal UnrealizedPnl => MarketValue - CostBasis;
}

/// <summary>An order as the simulated venue holds it; <see cref="Status"/> is Alpaca's status string.</summary>
public sealed record SimulatedOrder(
    string Id,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    decimal Qty,
    decimal FilledQty,
    decimal? FilledAvgPrice,
    decimal? LimitPrice,
    decimal? StopPrice,
    string Status,
    string? ParentId,
    DateTimeOffset SubmittedAt);

/// <summary>One execution (a FILL activity).</summary>
public sealed record SimulatedExecution(string Id, DateTimeOffset Time, string Symbol, string Side, decimal Qty, decimal Price, string OrderId);
