namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>What Discord POSTs to the interactions endpoint (spec §1); the numbers are Discord's.</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
