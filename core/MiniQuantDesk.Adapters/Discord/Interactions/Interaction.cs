namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// The fields of an incoming interaction the desk uses (spec §1). <see cref="UserId"/> is the invoker:
/// <c>member.user.id</c> in a server, <c>user.id</c> in a DM. <see cref="Token"/> is a secret (it lets anyone
/// post as the app for 15 minutes), so <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record Interaction(
    InteractionType Type,
    string Id,
    string ApplicationId,
    string Token,
    string? UserId,
    string? GuildId,
    string? ChannelId,
    CommandInvocation? Command,
    ComponentClick? Component)
{
    /// <summary>
    /// The request body exactly as signed, kept so a deferred reply can be finished by another process after a crash
    /// (it holds the token too: store it only where the token may go, and only for the token's 15 minutes).
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public override string ToString() =>
        $"Interaction {{ Type = {Type}, Id = {Id}, ApplicationId = {ApplicationId}, Token = ****, UserId = {UserId}, " +
        $"GuildId = {GuildId}, ChannelId = {ChannelId}, Command = {Command}, Component = {Component?.CustomId} }}";
}
