namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>One name/value pair of an embed; <see cref="Inline"/> lays several side by side.</summary>
public sealed record EmbedField(string Name, string Value, bool Inline = false);
