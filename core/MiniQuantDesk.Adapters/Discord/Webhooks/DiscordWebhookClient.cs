using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiniQuantDesk.Adapters.Discord.Messages;
using MiniQuantDesk.Adapters.Discord.Transport;

namespace MiniQuantDesk.Adapters.Discord.Webhooks;

/// <summary>
/// Posts messages through Discord webhooks (spec §4): a channel webhook (<c>POST {url}?wait=true</c>), or the
/// interaction webhook that completes a deferred reply (<c>PATCH /webhooks/{app}/{token}/messages/@original</c>)
/// and adds follow-ups (<c>POST /webhooks/{app}/{token}</c>). Messages are fitted to Discord's limits; a file goes
/// as multipart/form-data. Returns a <see cref="DiscordDelivery"/> for every outcome, never throws for HTTP
/// errors. Webhook URLs and tokens never reach a log or a <see cref="DiscordDelivery.Failed.Reason"/>.
/// One instance per process (it remembers rate limits); register with <c>AddHttpClient&lt;DiscordWebhookClient&gt;</c>.
/// </summary>
public sealed class DiscordWebhookClient
{
    private readonly DiscordTransport transport;

    public DiscordWebhookClient(HttpClient http, DiscordOptions options, TimeProvider? timeProvider = null, ILogger<DiscordWebhookClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        transport = new DiscordTransport(http, options, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>A client with its own pooled connection handler, for tests and the CLI.</summary>
    public static DiscordWebhookClient Create(DiscordOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggers = null) =>
        new(DiscordHttp.CreateClient(), options, timeProvider, loggers?.CreateLogger<DiscordWebhookClient>());

    /// <summary>Executes a channel webhook and waits for the created message (<c>?wait=true</c>).</summary>
    public Task<DiscordDelivery> ExecuteAsync(Uri webhookUrl, DiscordMessage message, CancellationToken cancellationToken = default) =>
        ExecuteAsync(webhookUrl, message, null, cancellationToken);

    /// <summary>As <see cref="ExecuteAsync(Uri, DiscordMessage, CancellationToken)"/>, with a file (e.g. the equity-curve PNG).</summary>
    public Task<DiscordDelivery> ExecuteAsync(Uri webhookUrl, DiscordMessage message, DiscordFile? file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!WebhookAddress.TryParse(webhookUrl, out var address))
        {
            return Task.FromResult<DiscordDelivery>(new DiscordDelivery.Failed(null, $"not a webhook URL: {DiscordRedaction.Url(webhookUrl)}", null, 0));
        }

        var url = WithQuery(webhookUrl, "wait=true");
        return SendAsync(HttpMethod.Post, url, $"POST webhooks/{address.Id}", message, file, address.Token, cancellationToken);
    }

    /// <summary>Completes a deferred (type 5) reply, or replaces the reply. Flags other than SUPPRESS_EMBEDS are dropped (Discord refuses them on edits).</summary>
    public Task<DiscordDelivery> EditOriginalAsync(string applicationId, string interactionToken, DiscordMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var edit = message with { Flags = message.Flags & MessageFlags.SuppressEmbeds };
        return InteractionWebhookAsync(HttpMethod.Patch, applicationId, interactionToken, "/messages/@original", edit, null, cancellationToken);
    }

    /// <summary>A new message after the reply (ephemeral with <see cref="MessageFlags.Ephemeral"/>); the token lasts 15 minutes.</summary>
    public Task<DiscordDelivery> SendFollowUpAsync(string applicationId, string interactionToken, DiscordMessage message, DiscordFile? file = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return InteractionWebhookAsync(HttpMethod.Post, applicationId, interactionToken, "", message, file, cancellationToken);
    }

    private Task<DiscordDelivery> InteractionWebhookAsync(
        HttpMethod method, string applicationId, string token, string suffix, DiscordMessage message, DiscordFile? file, CancellationToken cancellationToken)
    {
        if (!Interactions.DiscordAllowList.IsSnowflake(applicationId) || string.IsNullOrWhiteSpace(token))
        {
            return Task.FromResult<DiscordDelivery>(new DiscordDelivery.Failed(null, "an interaction follow-up needs the application id and the interaction token", null, 0));
        }

        var url = new Uri(transport.Options.ApiBaseUrl, $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}{suffix}");
        var route = $"{method.Method} webhooks/{applicationId}{(suffix.Length == 0 ? "" : "/messages")}";
        // Discord's limits here are per interaction token; the digest keys them without keeping the token around.
        var resource = "interaction-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
        return SendAsync(method, url, route, message, file, token, cancellationToken, resource);
    }

    private Task<DiscordDelivery> SendAsync(
        HttpMethod method, Uri url, string route, DiscordMessage message, DiscordFile? file, string secret, CancellationToken cancellationToken, string? interaction = null)
    {
        var fitted = EmbedLimits.Fit(message);
        if (string.IsNullOrEmpty(fitted.Content) && fitted.Embeds.Count == 0 && file is null && fitted.Components is null)
        {
            return Task.FromResult<DiscordDelivery>(new DiscordDelivery.Failed(null, "the message is empty: no content, embeds or file", null, 0));
        }

        var json = DiscordMessageJson.ToUtf8(fitted, file);
        var call = new DiscordCall(method, url, route, () => Content(json, file), BotToken: null, [secret], interaction);
        return transport.SendAsync(call, cancellationToken);
    }

    private static HttpContent Content(byte[] json, DiscordFile? file)
    {
        var payload = new ByteArrayContent(json);
        payload.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (file is null)
        {
            return payload;
        }

        var multipart = new MultipartFormDataContent();
        payload.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"payload_json\"" };
        multipart.Add(payload);
        var part = new ReadOnlyMemoryContent(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"files[0]\"",
            FileName = "\"" + file.FileName.Replace("\"", "", StringComparison.Ordinal) + "\"",
        };
        multipart.Add(part);
        return multipart;
    }

    private static Uri WithQuery(Uri url, string pair)
    {
        var builder = new UriBuilder(url);
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? pair : builder.Query.TrimStart('?') + "&" + pair;
        return builder.Uri;
    }
}
