namespace MiniQuantDesk.Domain.Risk;

/// <summary>The day's profit and loss in USD: closed trades plus open positions marked to market.</summary>
public sealed record DayPnl(decimal RealisedUsd, decimal UnrealisedUsd)
{
    public decimal TotalUsd => RealisedUsd + UnrealisedUsd;
}
