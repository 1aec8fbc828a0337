using MiniQuantDesk.Adapters.Discord.Interactions;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>A slash command from an allowed user: what was typed, who typed it, and when (market time).</summary>
public sealed record CommandRequest(CommandInvocation Command, string UserId, DateTimeOffset Now);

/// <summary>A Confirm click on a dangerous command's prompt: its argument (e.g. the symbol of /exit) and who clicked.</summary>
public sealed record ConfirmedRequest(string Command, string? Argument, string UserId, DateTimeOffset Now);
