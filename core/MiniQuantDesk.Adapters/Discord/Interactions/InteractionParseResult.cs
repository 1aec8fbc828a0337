namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>Either the parsed <see cref="Interaction"/> or why the body is not one (answer 400, change nothing).</summary>
public sealed record InteractionParseResult(Interaction? Interaction, string? Error)
{
    public bool IsValid => Interaction is not null;

    public static InteractionParseResult Ok(Interaction interaction) => new(interaction, null);

    public static InteractionParseResult Invalid(string error) => new(null, error);
}
