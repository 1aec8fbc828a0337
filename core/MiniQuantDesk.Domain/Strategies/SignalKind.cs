namespace MiniQuantDesk.Domain.Strategies;

/// <summary>What a strategy says about its symbol at the close of one bar. The desk is long-only.</summary>
public enum SignalKind : byte
{
    /// <summary>No opinion on this bar: keep whatever the strategy holds.</summary>
    None = 0,

    /// <summary>Go long (enter; ignored while the strategy already holds the symbol).</summary>
    Buy = 1,

    /// <summary>Get out (exit the long; ignored while flat).</summary>
    Sell = 2,
}
