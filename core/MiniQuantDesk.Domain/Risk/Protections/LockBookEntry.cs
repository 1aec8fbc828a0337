namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>A lock as the book remembers it, with who lifted it and when, if anyone did.</summary>
public sealed record LockBookEntry(ProtectionLock Lock, DateTimeOffset? LiftedAt = null, string? LiftedBy = null)
{
    public bool IsLifted => LiftedAt is not null;

    public bool IsActiveAt(DateTimeOffset instant) =>
        Lock.IsActiveAt(instant) && (LiftedAt is null || instant < LiftedAt);
}
