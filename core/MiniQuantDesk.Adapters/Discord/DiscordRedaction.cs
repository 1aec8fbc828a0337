namespace MiniQuantDesk.Adapters.Discord;

/// <summary>
/// The only forms in which Discord secrets reach a log: a webhook URL keeps its host and webhook id, never its
/// token; a bot or interaction token shows only whether it is set.
/// </summary>
public static class DiscordRedaction
{
    public const string Hidden = "****";

    public static string Secret(string? secret) => string.IsNullOrEmpty(secret) ? "(empty)" : Hidden;

    /// <summary>"https://discord.com/api/webhooks/123/****" for a webhook URL; scheme and host only for anything else.</summary>
    public static string Url(Uri? url)
    {
        if (url is null)
        {
            return "(none)";
        }

        if (!url.IsAbsoluteUri)
        {
            return Hidden;
        }

        var origin = url.GetLeftPart(UriPartial.Authority);
        return WebhookAddress.TryParse(url, out var address)
            ? $"{origin}/…/webhooks/{address.Id}/{Hidden}"
            : $"{origin}/{Hidden}";
    }

    /// <summary><paramref name="text"/> with every occurrence of each non-empty secret replaced by ****.</summary>
    public static string Scrub(string text, params string?[] secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Hidden, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
