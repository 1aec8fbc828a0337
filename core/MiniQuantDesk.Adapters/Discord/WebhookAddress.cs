namespace MiniQuantDesk.Adapters.Discord;

/// <summary>The id and token inside a webhook URL <c>…/webhooks/{id}/{token}</c>. The token is the secret part.</summary>
public readonly record struct WebhookAddress(string Id, string Token)
{
    public static bool TryParse(Uri? url, out WebhookAddress address)
    {
        address = default;
        if (url is not { IsAbsoluteUri: true })
        {
            return false;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 3; i >= 0; i--)
        {
            if (segments[i] == "webhooks" && Interactions.DiscordAllowList.IsSnowflake(segments[i + 1]) && segments[i + 2].Length > 0)
            {
                address = new WebhookAddress(segments[i + 1], Uri.UnescapeDataString(segments[i + 2]));
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"webhook {Id}/{DiscordRedaction.Hidden}";
}
