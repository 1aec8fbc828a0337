namespace MiniQuantDesk.Domain.Calendar;

/// <summary>
/// One day of the broker's calendar as Alpaca's <c>GET /v2/calendar</c> returns it: a date and the regular
/// open and close as New York wall-clock times (e.g. 09:30, 13:00 on an early close). Holidays are absent.
/// </summary>
public readonly record struct BrokerCalendarEntry(DateOnly Date, TimeOnly Open, TimeOnly Close);
