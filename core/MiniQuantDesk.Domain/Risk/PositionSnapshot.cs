namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// One open position. <see cref="Quantity"/> and <see cref="MarketValue"/> are signed (short is negative,
/// as at Alpaca). <see cref="OpenedToday"/> says the position was opened in the current session, which is
/// what makes closing or reducing it a day trade.
/// </summary>
public sealed record PositionSnapshot(decimal Quantity, decimal MarketValue, bool OpenedToday = false);
