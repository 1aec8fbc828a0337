namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// A position as the broker shows it at the end of the day: signed quantity, the previous session's close
/// (Alpaca <c>lastday_price</c>) and the current price.
/// </summary>
public sealed record HeldPosition(string Symbol, decimal Quantity, decimal? PreviousClose, decimal CurrentPrice);
