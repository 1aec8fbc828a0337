using System.Globalization;
using System.Text.Json;

namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>
/// Writes a <see cref="DiscordMessage"/> as Discord's message JSON by hand (no reflection, Native AOT safe; the
/// wire names stay visible here). The message is fitted to <see cref="EmbedLimits"/> first.
/// </summary>
public static class DiscordMessageJson
{
    public static byte[] ToUtf8(DiscordMessage message, DiscordFile? file = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, message, file);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, DiscordMessage message, DiscordFile? file = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var fitted = EmbedLimits.Fit(message);
        writer.WriteStartObject();
        if (!string.IsNullOrEmpty(fitted.Content))
        {
            writer.WriteString("content", fitted.Content);
        }

        if (fitted.Username is not null)
        {
            writer.WriteString("username", fitted.Username);
        }

        if (fitted.Embeds.Count > 0)
        {
            writer.WriteStartArray("embeds");
            foreach (var embed in fitted.Embeds)
            {
                WriteEmbed(writer, embed);
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("allowed_mentions");
        writer.WriteStartArray("parse");
        writer.WriteEndArray();
        writer.WriteEndObject();

        if (fitted.Flags != MessageFlags.None)
        {
            writer.WriteNumber("flags", (int)fitted.Flags);
        }

        if (fitted.Components is not null)
        {
            WriteComponents(writer, fitted.Components);
        }

        if (file is not null)
        {
            writer.WriteStartArray("attachments");
            writer.WriteStartObject();
            writer.WriteNumber("id", 0);
            writer.WriteString("filename", file.FileName);
            if (file.Description is not null)
            {
                writer.WriteString("description", file.Description);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteEmbed(Utf8JsonWriter writer, DiscordEmbed embed)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "title", embed.Title);
        WriteIfSet(writer, "description", embed.Description);
        WriteIfSet(writer, "url", embed.Url?.AbsoluteUri);
        if (embed.Color is { } color)
        {
            writer.WriteNumber("color", color & 0xFFFFFF);
        }

        if (embed.Timestamp is { } timestamp)
        {
            writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (embed.Fields.Count > 0)
        {
            writer.WriteStartArray("fields");
            foreach (var field in embed.Fields)
            {
                writer.WriteStartObject();
                writer.WriteString("name", field.Name);
                writer.WriteString("value", field.Value);
                if (field.Inline)
                {
                    writer.WriteBoolean("inline", true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteNested(writer, "footer", "text", embed.FooterText);
        WriteNested(writer, "author", "name", embed.AuthorName);
        WriteNested(writer, "image", "url", embed.ImageUrl);
        WriteNested(writer, "thumbnail", "url", embed.ThumbnailUrl);
        writer.WriteEndObject();
    }

    private static void WriteComponents(Utf8JsonWriter writer, IReadOnlyList<DiscordActionRow> rows)
    {
        writer.WriteStartArray("components");
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteStartArray("components");
            foreach (var button in row.Buttons)
            {
                writer.WriteStartObject();
                writer.WriteNumber("type", 2);
                writer.WriteNumber("style", (int)button.Style);
                writer.WriteString("label", button.Label);
                writer.WriteString("custom_id", button.CustomId);
                if (button.Disabled)
                {
                    writer.WriteBoolean("disabled", true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNested(Utf8JsonWriter writer, string name, string innerName, string? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString(innerName, value);
        writer.WriteEndObject();
    }
}
