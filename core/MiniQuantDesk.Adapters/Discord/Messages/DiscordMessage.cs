namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>
/// The message body shared by channel webhooks, interaction replies and follow-ups: text, embeds, flags and
/// buttons. Mentions are never parsed (<c>allowed_mentions: {"parse": []}</c>), so a symbol or a user's text
/// cannot ping anyone.
/// </summary>
public sealed record DiscordMessage
{
    public string? Content { get; init; }

    public IReadOnlyList<DiscordEmbed> Embeds { get; init; } = [];

    public MessageFlags Flags { get; init; }

    /// <summary>Null leaves an edited message's buttons as they are; an empty list removes them.</summary>
    public IReadOnlyList<DiscordActionRow>? Components { get; init; }

    /// <summary>Overrides the webhook's display name (channel webhooks only).</summary>
    public string? Username { get; init; }

    public static DiscordMessage Text(string content, MessageFlags flags = MessageFlags.None) => new() { Content = content, Flags = flags };

    public static DiscordMessage Of(DiscordEmbed embed, MessageFlags flags = MessageFlags.None) => new() { Embeds = [embed], Flags = flags };
}
