namespace MiniQuantDesk.Domain.Risk;

/// <summary>Who asks for a trading-state change. Only a person may loosen the state.</summary>
public enum TradingActor
{
    /// <summary>The trader (a Discord command, the CLI).</summary>
    Person,

    /// <summary>The desk itself (circuit breaker, reconciliation drift, a failing dependency).</summary>
    Desk,
}
