namespace MiniQuantDesk.Adapters.Simulation.Faults;

/// <summary>What goes wrong on a request the fault matches.</summary>
public enum SimulatedFaultKind
{
    /// <summary>429 with <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining: 0</c> and <c>X-RateLimit-Reset</c> (epoch seconds).</summary>
    RateLimit,

    /// <summary>500 with Alpaca's error body.</summary>
    ServerError,

    /// <summary>Waits <see cref="SimulatedFault.Delay"/> (on the market's TimeProvider), then answers normally.</summary>
    Slow,

    /// <summary>Aborts the connection without any response.</summary>
    Drop,

    /// <summary>Refuses an order submit (<c>POST /v2/orders</c> only): 403 insufficient buying power, or 422.</summary>
    RejectOrder,
}
