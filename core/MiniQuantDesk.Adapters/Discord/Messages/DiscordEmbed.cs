namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>
/// A rich embed (spec §4). Any length may be set; <see cref="EmbedLimits"/> trims to Discord's limits before sending.
/// Image and thumbnail URLs may be <c>attachment://name.png</c> for a file sent with the message.
/// </summary>
public sealed record DiscordEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    /// <summary>RGB, e.g. 0x2ECC71.</summary>
    public int? Color { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyList<EmbedField> Fields { get; init; } = [];

    public string? FooterText { get; init; }

    public string? AuthorName { get; init; }

    public string? ImageUrl { get; init; }

    public string? ThumbnailUrl { get; init; }
}
