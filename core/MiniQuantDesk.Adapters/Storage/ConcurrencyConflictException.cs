namespace MiniQuantDesk.Adapters.Storage;

/// <summary>Someone else changed the row since we read it (HTTP 412): re-read and decide again.</summary>
public sealed class ConcurrencyConflictException(string what) : Exception($"{what} changed concurrently; re-read and retry");
