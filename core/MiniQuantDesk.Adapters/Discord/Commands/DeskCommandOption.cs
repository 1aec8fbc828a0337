namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>
/// One option of a slash command, or a subcommand (<see cref="CommandOptionType.SubCommand"/>) with its own
/// <see cref="Options"/>. <see cref="Choices"/> restricts a string option to fixed values.
/// </summary>
public sealed record DeskCommandOption(
    string Name,
    string Description,
    CommandOptionType Type,
    bool Required = false,
    IReadOnlyList<string>? Choices = null,
    IReadOnlyList<DeskCommandOption>? Options = null,
    int? MinLength = null,
    int? MaxLength = null)
{
    public static DeskCommandOption Text(string name, string description, bool required = true, int? maxLength = null) =>
        new(name, description, CommandOptionType.String, required, MinLength: required ? 1 : null, MaxLength: maxLength);

    public static DeskCommandOption Choice(string name, string description, bool required, params string[] choices) =>
        new(name, description, CommandOptionType.String, required, choices);

    public static DeskCommandOption Sub(string name, string description, params DeskCommandOption[] options) =>
        new(name, description, CommandOptionType.SubCommand, Options: options);
}
