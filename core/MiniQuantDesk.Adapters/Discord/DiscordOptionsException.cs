namespace MiniQuantDesk.Adapters.Discord;

/// <summary>Start-up refused: the Discord settings listed in <see cref="Errors"/>, each naming its setting, are unusable.</summary>
public sealed class DiscordOptionsException(IReadOnlyList<string> errors)
    : Exception("Discord settings are invalid: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
