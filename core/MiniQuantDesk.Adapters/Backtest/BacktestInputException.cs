namespace MiniQuantDesk.Adapters.Backtest;

/// <summary>A backtest input that cannot be used (missing or malformed bar file); the message names the file, line and field.</summary>
public sealed class BacktestInputException(string message) : Exception(message);
