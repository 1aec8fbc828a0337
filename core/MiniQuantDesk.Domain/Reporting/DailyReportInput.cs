using MiniQuantDesk.Domain.Accounting;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Reporting;

/// <summary>
/// What the day's report is made from. <see cref="StartEquity"/> and <see cref="EndEquity"/> are the broker
/// account's <c>last_equity</c> and <c>equity</c>; the fills are the desk's own records of the day; the bars
/// are the stored minute bars of the session. <see cref="PreviousCloses"/> prices what was held overnight
/// for symbols no longer held at the end (for held ones the position carries it).
/// </summary>
public sealed record DailyReportInput(
    DateOnly Session,
    decimal StartEquity,
    decimal EndEquity,
    DateTimeOffset End,
    IReadOnlyList<HeldPosition> Positions,
    IReadOnlyList<FillEvent> Fills,
    IReadOnlyDictionary<string, IReadOnlyList<Bar>> Bars,
    IReadOnlyDictionary<string, decimal>? PreviousCloses = null);
