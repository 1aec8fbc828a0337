namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>A button whose click comes back as a MESSAGE_COMPONENT interaction carrying <see cref="CustomId"/>.</summary>
public sealed record DiscordButton(ButtonStyle Style, string Label, string CustomId, bool Disabled = false);
