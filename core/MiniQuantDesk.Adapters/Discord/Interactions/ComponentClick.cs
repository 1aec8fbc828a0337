namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>A button click (MESSAGE_COMPONENT): the <see cref="CustomId"/> we put on the button; component type 2 = button.</summary>
public sealed record ComponentClick(string CustomId, int ComponentType, string? MessageId);
