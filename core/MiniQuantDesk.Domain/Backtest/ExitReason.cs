namespace MiniQuantDesk.Domain.Backtest;

/// <summary>Why a round trip ended (the <c>exit_reason</c> column: signal, session_close, stop_loss, take_profit).</summary>
public enum ExitReason
{
    Signal = 0,
    SessionClose = 1,
    StopLoss = 2,
    TakeProfit = 3,
}
