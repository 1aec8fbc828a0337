using System.Text.Json;
using MiniQuantDesk.Adapters.Discord.Messages;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// The body of the HTTP 200 answer to an interaction (spec §1). Replies to commands are ephemeral by default:
/// what the desk holds is the trader's business, not the channel's.
/// </summary>
public sealed record InteractionResponse(InteractionResponseType Type, DiscordMessage? Data)
{
    public static InteractionResponse Pong() => new(InteractionResponseType.Pong, null);

    /// <summary>Type 4: a reply now. Ephemeral unless <paramref name="ephemeral"/> is false.</summary>
    public static InteractionResponse Reply(DiscordMessage message, bool ephemeral = true) =>
        new(InteractionResponseType.ChannelMessageWithSource, WithEphemeral(message, ephemeral));

    public static InteractionResponse Reply(string content, bool ephemeral = true) => Reply(DiscordMessage.Text(content), ephemeral);

    /// <summary>Type 5: "thinking…" now; complete it later with <c>EditOriginalAsync</c> (the token lasts 15 minutes).</summary>
    public static InteractionResponse Defer(bool ephemeral = true) =>
        new(InteractionResponseType.DeferredChannelMessageWithSource, ephemeral ? new DiscordMessage { Flags = MessageFlags.Ephemeral } : null);

    /// <summary>Type 7 (button clicks only): replace the message the button was on; buttons removed unless given.</summary>
    public static InteractionResponse Update(DiscordMessage message) =>
        new(InteractionResponseType.UpdateMessage, message with { Components = message.Components ?? [] });

    public static InteractionResponse Update(string content) => Update(DiscordMessage.Text(content));

    public byte[] ToUtf8Json()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", (int)Type);
            if (Data is not null)
            {
                writer.WritePropertyName("data");
                DiscordMessageJson.Write(writer, Data);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static DiscordMessage WithEphemeral(DiscordMessage message, bool ephemeral) =>
        message with { Flags = ephemeral ? message.Flags | MessageFlags.Ephemeral : message.Flags & ~MessageFlags.Ephemeral };
}
