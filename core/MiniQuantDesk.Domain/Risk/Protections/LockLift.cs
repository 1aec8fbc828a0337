namespace MiniQuantDesk.Domain.Risk.Protections;

/// <summary>The outcome of lifting a lock: the new book, whether anything was lifted, and why not.</summary>
public sealed record LockLift(LockBook Book, bool Lifted, string Message);
