namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>
/// Discord's message and embed limits (spec §4), and <see cref="Fit"/>, which trims a message to them: a long text
/// is cut with "…", never refused, so a report that grew too long still goes out. Texts are trimmed of surrounding
/// whitespace first (Discord counts after trimming) and counted in UTF-16 code units, never splitting a surrogate pair.
/// </summary>
public static class EmbedLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;

    /// <summary>Title + description + field names and values + footer + author of all embeds together.</summary>
    public const int TotalEmbedText = 6000;

    public const int ButtonLabel = 80;
    public const string Ellipsis = "…";

    /// <summary>
    /// The message cut to the limits. The 6000-character budget is spent in reading order (embed by embed: title,
    /// author, description, fields, footer), so the start of a report survives and its tail is cut.
    /// </summary>
    public static DiscordMessage Fit(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var budget = TotalEmbedText;
        var embeds = new List<DiscordEmbed>();
        foreach (var embed in message.Embeds.Take(EmbedsPerMessage))
        {
            var fitted = Fit(embed, ref budget);
            if (fitted is not null)
            {
                embeds.Add(fitted);
            }
        }

        return message with
        {
            Content = message.Content is null ? null : Truncate(message.Content, Content),
            Embeds = embeds,
            Components = message.Components?.Select(row => row with
            {
                Buttons = row.Buttons.Select(b => b with { Label = Truncate(b.Label, ButtonLabel) }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Sum of the counted texts of <paramref name="embeds"/> (after trimming), as Discord checks it.</summary>
    public static int CountedLength(IEnumerable<DiscordEmbed> embeds) =>
        embeds.Sum(e => Len(e.Title) + Len(e.Description) + Len(e.FooterText) + Len(e.AuthorName)
                        + e.Fields.Sum(f => Len(f.Name) + Len(f.Value)));

    /// <summary><paramref name="text"/> trimmed and, when longer than <paramref name="max"/>, cut to max with "…" last.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        if (max <= 0)
        {
            return "";
        }

        var keep = max - Ellipsis.Length;
        if (keep > 0 && char.IsHighSurrogate(trimmed[keep - 1]))
        {
            keep--;
        }

        return string.Concat(trimmed.AsSpan(0, keep).TrimEnd(), Ellipsis);
    }

    private static DiscordEmbed? Fit(DiscordEmbed embed, ref int budget)
    {
        var title = Spend(embed.Title, Title, ref budget);
        var author = Spend(embed.AuthorName, AuthorName, ref budget);
        var description = Spend(embed.Description, Description, ref budget);
        var fields = new List<EmbedField>();
        foreach (var field in embed.Fields.Take(Fields))
        {
            var name = Truncate(field.Name, Math.Min(FieldName, budget - 1));
            var value = Truncate(field.Value, Math.Min(FieldValue, budget - name.Length));
            if (name.Length == 0 || value.Length == 0)
            {
                break;
            }

            budget -= name.Length + value.Length;
            fields.Add(field with { Name = name, Value = value });
        }

        var footer = Spend(embed.FooterText, FooterText, ref budget);
        var fitted = embed with
        {
            Title = title,
            AuthorName = author,
            Description = description,
            Fields = fields,
            FooterText = footer,
        };
        var empty = title is null && author is null && description is null && fields.Count == 0 && footer is null
                    && embed.ImageUrl is null && embed.ThumbnailUrl is null;
        return empty ? null : fitted;
    }

    private static string? Spend(string? text, int limit, ref int budget)
    {
        if (text is null)
        {
            return null;
        }

        var cut = Truncate(text, Math.Min(limit, budget));
        budget -= cut.Length;
        return cut.Length == 0 ? null : cut;
    }

    private static int Len(string? text) => text?.Trim().Length ?? 0;
}
