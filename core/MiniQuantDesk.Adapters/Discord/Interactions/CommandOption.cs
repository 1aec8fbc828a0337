using MiniQuantDesk.Adapters.Discord.Commands;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// One option the user filled in. <see cref="Value"/> is the JSON value as invariant text: a string as is, a
/// number as written, a boolean as "true"/"false"; USER/CHANNEL/ROLE options give the id.
/// </summary>
public sealed record CommandOption(string Name, CommandOptionType Type, string Value);
