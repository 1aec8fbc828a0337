namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>Interaction callback types the desk answers with (spec §1 "Responding").</summary>
public enum InteractionResponseType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
}
