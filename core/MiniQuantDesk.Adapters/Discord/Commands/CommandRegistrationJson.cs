using System.Text.Json;

namespace MiniQuantDesk.Adapters.Discord.Commands;

/// <summary>
/// The body of the bulk-overwrite PUT (spec §2), built from <see cref="DeskCommands.All"/>: CHAT_INPUT commands,
/// guild context and guild install only, visible to administrators by default
/// (<c>default_member_permissions "0"</c>; server admins can grant others, and the allow-list still decides).
/// </summary>
public static class CommandRegistrationJson
{
    public const int ChatInput = 1;

    public static byte[] ToUtf8(IEnumerable<DeskCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var command in commands)
            {
                writer.WriteStartObject();
                writer.WriteString("name", command.Name);
                writer.WriteNumber("type", ChatInput);
                writer.WriteString("description", command.Description);
                writer.WriteString("default_member_permissions", "0");
                writer.WriteStartArray("contexts");
                writer.WriteNumberValue(0);
                writer.WriteEndArray();
                writer.WriteStartArray("integration_types");
                writer.WriteNumberValue(0);
                writer.WriteEndArray();
                WriteOptions(writer, command.Options);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static void WriteOptions(Utf8JsonWriter writer, IReadOnlyList<DeskCommandOption>? options)
    {
        if (options is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartArray("options");
        foreach (var option in options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", (int)option.Type);
            writer.WriteString("name", option.Name);
            writer.WriteString("description", option.Description);
            if (option.Type is not (CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup))
            {
                writer.WriteBoolean("required", option.Required);
            }

            if (option.MinLength is { } min)
            {
                writer.WriteNumber("min_length", min);
            }

            if (option.MaxLength is { } max)
            {
                writer.WriteNumber("max_length", max);
            }

            if (option.Choices is { Count: > 0 } choices)
            {
                writer.WriteStartArray("choices");
                foreach (var choice in choices)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", choice);
                    writer.WriteString("value", choice);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            WriteOptions(writer, option.Options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
