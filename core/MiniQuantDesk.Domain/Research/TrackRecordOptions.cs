namespace MiniQuantDesk.Domain.Research;

/// <summary>How the record is measured: the paper account's capital (drawdown base and the parity backtest's cash) and how late a desk fill may be and still answer a backtest fill.</summary>
public sealed record TrackRecordOptions(decimal StartingEquity, TimeSpan MatchWindow);
