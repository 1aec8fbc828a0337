namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>Button styles that send an interaction back (link and premium buttons are not used).</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
}
