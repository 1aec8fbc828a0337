namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The highest equity seen today and ever (or since the breaker was last re-armed, see
/// <see cref="RebasedTo"/>). The shell keeps these; the breaker measures drawdown from them.
/// </summary>
public sealed record EquityPeaks(decimal DayPeak, decimal AllTimePeak)
{
    /// <summary>Raises the peaks to <paramref name="equity"/> when it is higher.</summary>
    public EquityPeaks Observe(decimal equity) =>
        new(Math.Max(DayPeak, equity), Math.Max(AllTimePeak, equity));

    /// <summary>A new session starts: the day's peak restarts from the opening equity.</summary>
    public EquityPeaks StartDay(decimal openingEquity) =>
        new(openingEquity, Math.Max(AllTimePeak, openingEquity));

    /// <summary>
    /// Both peaks restart from <paramref name="equity"/>: what re-arming the breaker means — the person
    /// accepts the loss so far and drawdown is measured from here on.
    /// </summary>
    public static EquityPeaks RebasedTo(decimal equity) => new(equity, equity);
}
