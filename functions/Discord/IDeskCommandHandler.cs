using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Functions.Discord;

/// <summary>Answers one slash command of <see cref="Adapters.Discord.Commands.DeskCommands"/> (named by <see cref="Name"/>).</summary>
public interface IDeskCommandHandler
{
    string Name { get; }

    Task<DiscordMessage> RunAsync(CommandRequest request, CancellationToken ct);
}

/// <summary>
/// A command that acts only after a Confirm click. <see cref="Prepare"/> runs on the command (fast, no I/O): it
/// returns the question and the argument the click will carry, or a refusal; <see cref="ExecuteAsync"/> runs on the click.
/// </summary>
public interface IConfirmedCommand : IDeskCommandHandler
{
    ConfirmationQuestion Prepare(CommandRequest request);

    Task<DiscordMessage> ExecuteAsync(ConfirmedRequest request, CancellationToken ct);
}

/// <summary>What a confirmed command asks (with its argument), or why it refuses before asking.</summary>
public sealed record ConfirmationQuestion(string? Question, string? Argument, string? Refusal)
{
    public static ConfirmationQuestion Ask(string question, string? argument = null) => new(question, argument, null);

    public static ConfirmationQuestion Refuse(string why) => new(null, null, why);
}
