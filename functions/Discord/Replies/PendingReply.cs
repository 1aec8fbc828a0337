using Azure;

namespace MiniQuantDesk.Functions.Discord.Replies;

/// <summary>
/// A deferred reply not yet delivered, as the ledger keeps it: the signed interaction (to answer it from any
/// process), what the trader asked, who holds the claim and until when, and how often it was already taken over.
/// </summary>
public sealed record PendingReply(
    string InteractionId,
    string Body,
    string What,
    bool UpdatesMessage,
    DateTimeOffset DeferredAt,
    DateTimeOffset LeaseUntil,
    string Owner,
    int TakeOvers,
    ETag ETag)
{
    /// <summary>Discord's interaction tokens last 15 minutes; nothing can be posted after.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>A reply whose rescue crashed its process this often is given up: the rescue itself may be what kills it.</summary>
    public const int MaxTakeOvers = 3;

    /// <summary>The last moment a rescue may start: its work and its PATCH need a minute before the token dies.</summary>
    public DateTimeOffset RescueDeadline => DeferredAt + TokenLifetime - TimeSpan.FromMinutes(1);

    public override string ToString() =>
        $"PendingReply {{ InteractionId = {InteractionId}, What = {What}, DeferredAt = {DeferredAt:O}, LeaseUntil = {LeaseUntil:O}, Owner = {Owner}, TakeOvers = {TakeOvers} }}";
}
