namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>Application command option types (spec §2); the numbers are Discord's.</summary>
public enum CommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
