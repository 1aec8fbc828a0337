namespace MiniQuantDesk.Adapters.Storage;

/// <summary>The switches a person sets: read on every order, so they take effect for messages already in flight.</summary>
public sealed record DeskFlags(bool TradingEnabled, bool KillSwitch, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    // A desk that has never been configured trades (paper by default); the kill switch starts off.
    public static DeskFlags Initial { get; } = new(true, false, null, null);
}
