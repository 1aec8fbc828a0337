namespace MiniQuantDesk.Domain.Risk;

/// <summary>What someone asks of the trading state.</summary>
public enum TradingCommand
{
    /// <summary>Kill switch: go to <see cref="TradingState.Halted"/>.</summary>
    Halt,

    /// <summary>Pause entries: go to <see cref="TradingState.Reducing"/>.</summary>
    StopEntries,

    /// <summary>Back to <see cref="TradingState.Active"/>.</summary>
    Resume,
}
