using System.Collections.Immutable;
using System.Globalization;

namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>
/// The protection locks the desk knows, as an immutable value (store it, change it by getting a new one).
/// It remembers lifted locks until they expire, so an evaluator re-deriving the same lock from the same
/// history does not bring a lifted lock back.
/// </summary>
public sealed class LockBook
{
    private readonly ImmutableList<LockBookEntry> _entries;

    private LockBook(ImmutableList<LockBookEntry> entries) => _entries = entries;

    public static LockBook Empty { get; } = new(ImmutableList<LockBookEntry>.Empty);

    public static LockBook From(IEnumerable<LockBookEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Empty.AddEntries(entries.Where(e => e?.Lock is not null));
    }

    public IReadOnlyList<LockBookEntry> Entries => _entries;

    /// <summary>Adds the locks whose id the book does not hold yet (null entries are ignored).</summary>
    public LockBook Add(IEnumerable<ProtectionLock?> locks)
    {
        ArgumentNullException.ThrowIfNull(locks);
        return AddEntries(locks.Where(l => l is not null).Select(l => new LockBookEntry(l!)));
    }

    /// <summary>The locks in force at <paramref name="instant"/>: started, not expired, not lifted.</summary>
    public IReadOnlyList<ProtectionLock> ActiveAt(DateTimeOffset instant) =>
        _entries.Where(e => e.IsActiveAt(instant)).Select(e => e.Lock).ToList();

    /// <summary>A person lifts a lock by id. Unknown or already lifted ids change nothing.</summary>
    public LockLift Lift(string id, DateTimeOffset at, string person)
    {
        var index = _entries.FindIndex(e => string.Equals(e.Lock.Id, id, StringComparison.Ordinal));
        if (index < 0)
        {
            return new LockLift(this, false, $"no protection lock with id '{id}'");
        }

        var entry = _entries[index];
        if (entry.IsLifted)
        {
            return new LockLift(this, false, string.Create(CultureInfo.InvariantCulture,
                $"lock '{id}' was already lifted at {entry.LiftedAt:O} by {entry.LiftedBy}"));
        }

        var lifted = entry with { LiftedAt = at, LiftedBy = person };
        return new LockLift(new LockBook(_entries.SetItem(index, lifted)), true,
            string.Create(CultureInfo.InvariantCulture, $"lock '{id}' ({entry.Lock.Scope}) lifted at {at:O} by {person}"));
    }

    /// <summary>Forgets locks that expired at or before <paramref name="instant"/> (lifted or not).</summary>
    public LockBook Prune(DateTimeOffset instant) =>
        new(_entries.RemoveAll(e => e.Lock.Expiry <= instant));

    private LockBook AddEntries(IEnumerable<LockBookEntry> entries)
    {
        var list = _entries;
        foreach (var entry in entries)
        {
            if (!list.Exists(e => string.Equals(e.Lock.Id, entry.Lock.Id, StringComparison.Ordinal)))
            {
                list = list.Add(entry);
            }
        }

        return ReferenceEquals(list, _entries) ? this : new LockBook(list);
    }
}
