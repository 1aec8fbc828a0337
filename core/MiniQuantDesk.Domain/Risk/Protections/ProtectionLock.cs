using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// A time-boxed block on new entries, for every symbol (<see cref="Symbol"/> null) or for one.
/// Active from <see cref="Start"/> (inclusive) to <see cref="Expiry"/> (exclusive). Exits are never locked.
/// The id is deterministic (kind, scope, start), so re-evaluating the same history yields the same lock
/// and a lock a person lifted is not re-created.
/// </summary>
public sealed record ProtectionLock(
    string Id,
    ProtectionKind Kind,
    string? Symbol,
    DateTimeOffset Start,
    DateTimeOffset Expiry,
    string Reason)
{
    public bool IsGlobal => Symbol is null;

    public string Scope => Symbol ?? "global";

    public bool IsActiveAt(DateTimeOffset instant) => Start <= instant && instant < Expiry;

    /// <summary>True when this lock, at <paramref name="instant"/>, blocks an entry in <paramref name="symbol"/>.</summary>
    public bool BlocksEntry(string symbol, DateTimeOffset instant) =>
        IsActiveAt(instant) && (IsGlobal || string.Equals(Symbol, symbol, StringComparison.Ordinal));

    public static ProtectionLock Create(ProtectionKind kind, string? symbol, DateTimeOffset start, TimeSpan duration, string reason)
    {
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{kind}:{symbol ?? "*"}:{start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}");
        return new ProtectionLock(id, kind, symbol, start, start + duration, reason);
    }
}
