namespace MiniQuantDesk.Domain.Calendar;

/// <summary>One regular trading session: its New York date and its open and close as UTC instants.</summary>
public readonly record struct MarketSession(DateOnly Date, DateTimeOffset OpenUtc, DateTimeOffset CloseUtc)
{
    /// <summary>True when the session closes before 16:00 ET (13:00 on the usual half-days).</summary>
    public bool IsEarlyClose => CloseUtc - OpenUtc < TimeSpan.FromHours(6.5);

    /// <summary>open &lt;= instant &lt; close.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= OpenUtc && instant < CloseUtc;
}
