namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>A row of up to five buttons; a message holds up to five rows.</summary>
public sealed record DiscordActionRow(IReadOnlyList<DiscordButton> Buttons);
