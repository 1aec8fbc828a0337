using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Domain.Risk.Protections;
using static MiniQuantDesk.Tests.Domain.Risk.RiskScenario;

namespace MiniQuantDesk.Tests.Domain.Risk.Protections;

public sealed class LockBookTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);

    private static readonly ProtectionLock Global = ProtectionLock.Create(ProtectionKind.LossStreak, null, T0, TimeSpan.FromMinutes(60), "streak");
    private static readonly ProtectionLock Aapl = ProtectionLock.Create(ProtectionKind.ExitCooldown, "AAPL", T0, TimeSpan.FromMinutes(5), "exit");

    [Fact]
    public void Lists_the_locks_active_at_an_instant()
    {
        var book = LockBook.Empty.Add([Global, Aapl]);

        Assert.Empty(book.ActiveAt(T0.AddTicks(-1)));
        Assert.Equal([Global, Aapl], book.ActiveAt(T0));
        Assert.Equal([Global], book.ActiveAt(T0.AddMinutes(5)));
        Assert.Empty(book.ActiveAt(T0.AddMinutes(60)));
    }

    [Fact]
    public void Adding_a_known_lock_again_changes_nothing()
    {
        var book = LockBook.Empty.Add([Global]);
        Assert.Same(book, book.Add([Global, null]));
        Assert.Single(book.Entries);
    }

    [Fact]
    public void A_person_lifts_a_lock_and_re_evaluation_does_not_bring_it_back()
    {
        var book = LockBook.Empty.Add([Global, Aapl]);

        var lift = book.Lift(Global.Id, T0.AddMinutes(1), "trader");
        Assert.True(lift.Lifted, lift.Message);
        Assert.Equal([Aapl], lift.Book.ActiveAt(T0.AddMinutes(2)));
        Assert.Equal([Global, Aapl], lift.Book.ActiveAt(T0.AddSeconds(30))); // before the lift it was in force

        var again = lift.Book.Add([Global]);
        Assert.Equal([Aapl], again.ActiveAt(T0.AddMinutes(2)));
    }

    [Fact]
    public void Lifting_an_unknown_or_lifted_lock_is_refused_without_change()
    {
        var book = LockBook.Empty.Add([Global]);
        var unknown = book.Lift("nope", T0, "trader");
        Assert.False(unknown.Lifted);
        Assert.Same(book, unknown.Book);

        var lifted = book.Lift(Global.Id, T0, "trader").Book;
        var twice = lifted.Lift(Global.Id, T0.AddMinutes(1), "other");
        Assert.False(twice.Lifted);
        Assert.Contains("already lifted", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prune_forgets_expired_locks()
    {
        var book = LockBook.Empty.Add([Global, Aapl]).Prune(T0.AddMinutes(5));
        Assert.Equal([Global], book.Entries.Select(e => e.Lock));
    }

    [Fact]
    public void Evaluated_locks_in_the_book_block_entries_in_the_risk_manager_but_not_exits()
    {
        ClosedTrade[] history = [new("AAPL", Now.AddMinutes(-2), 40m)];
        var book = LockBook.Empty.Add(ProtectionEvaluator.Evaluate(history, Now, new ProtectionOptions()));
        var context = Context() with
        {
            Positions = Positions(("AAPL", 10m, 1_000m)),
            ProtectionLocks = book.ActiveAt(Now),
        };

        var entry = Check(Buy(), context);
        Assert.Equal([RiskReasonCode.ProtectionLock], entry.Codes);
        Assert.Contains("ExitCooldown", entry.Reasons[0].Message, StringComparison.Ordinal);
        Assert.True(Check(Sell(10), context).Approved);

        var lifted = book.Lift(book.Entries[0].Lock.Id, Now, "trader").Book;
        Assert.True(Check(Buy(), context with { ProtectionLocks = lifted.ActiveAt(Now) }).Approved);
    }
}
