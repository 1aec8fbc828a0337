using System.Globalization;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Discord.Interactions;
using MiniQuantDesk.Adapters.Discord.Notifications;
using MiniQuantDesk.Adapters.Discord.Signatures;

namespace MiniQuantDesk.Adapters.Discord;

/// <summary>
/// Settings of the Discord adapter, bound from the <c>Discord</c> section (<c>Discord__PublicKey</c>,
/// <c>Discord__Webhooks__Trading</c>, <c>Discord__Verbosity__OrderFilled=silent</c>, ...). Every part is optional
/// on its own: without a public key the interactions endpoint refuses everything, a channel without a webhook is
/// "log only". Values that are set must be well-formed. <see cref="ToString"/> is safe to log.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public static readonly Uri DefaultApiBaseUrl = new("https://discord.com/api/v10/");

    private readonly List<string> bindingErrors = [];
    private Uri apiBaseUrl = DefaultApiBaseUrl;

    /// <summary>The application's Ed25519 public key, 64 hex characters (developer portal, General Information).</summary>
    public string PublicKey { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    /// <summary>Only command registration needs it (<c>Authorization: Bot …</c>); a secret.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Register commands in this server only (instant; for development). Empty = global.</summary>
    public string GuildId { get; set; } = "";

    /// <summary>Comma-separated user ids allowed to command the desk; see <see cref="AllowList"/>.</summary>
    public string AllowedUserIds { get; set; } = "";

    /// <summary>Channel webhook URLs (secrets). A channel left out is log-only.</summary>
    public Dictionary<NotificationChannel, Uri> Webhooks { get; } = [];

    /// <summary>Overrides of <see cref="NotificationRoutes.DefaultVerbosity"/>.</summary>
    public Dictionary<NotificationKind, NotificationVerbosity> Verbosity { get; } = [];

    /// <summary>REST base (a trailing '/' is added, so relative paths keep the version segment).</summary>
    public Uri ApiBaseUrl
    {
        get => apiBaseUrl;
        set => apiBaseUrl = value is { IsAbsoluteUri: true } && !value.AbsolutePath.EndsWith('/') ? new Uri(value.AbsoluteUri + "/") : value;
    }

    /// <summary>Limit of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a 5xx, a timeout or a dropped connection (429s are waited out separately).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off after a 5xx or timeout; doubles per retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most time one call may spend waiting on rate limits before it gives up (RateLimitedGaveUp).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a process's claim on a deferred reply lasts without renewal (renewed every quarter of it). A reply
    /// whose claim ran out (its process died) is finished by another process: the longest a crash delays an answer.
    /// </summary>
    public TimeSpan ReplyLease { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How far a signed timestamp may be from now, either way.</summary>
    public TimeSpan SignatureTolerance { get; set; } = DiscordSignatureVerifier.DefaultTolerance;

    public DiscordAllowList AllowList => DiscordAllowList.Parse(AllowedUserIds, out _);

    public NotificationVerbosity VerbosityOf(NotificationKind kind) =>
        Verbosity.TryGetValue(kind, out var verbosity) ? verbosity : NotificationRoutes.DefaultVerbosity(kind);

    /// <summary>Reads the section by hand (no reflection binder, so Native AOT stays possible). Never throws for values: see <see cref="Validate"/>.</summary>
    public static DiscordOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var o = new DiscordOptions
        {
            PublicKey = section[nameof(PublicKey)]?.Trim() ?? "",
            ApplicationId = section[nameof(ApplicationId)]?.Trim() ?? "",
            BotToken = section[nameof(BotToken)]?.Trim() ?? "",
            GuildId = section[nameof(GuildId)]?.Trim() ?? "",
            AllowedUserIds = section[nameof(AllowedUserIds)] ?? "",
        };
        var errors = o.bindingErrors;
        o.ApiBaseUrl = ConfigReader.Uri(section, nameof(ApiBaseUrl), o.ApiBaseUrl, errors);
        o.AttemptTimeout = ConfigReader.TimeSpan(section, nameof(AttemptTimeout), o.AttemptTimeout, errors);
        o.RetryBaseDelay = ConfigReader.TimeSpan(section, nameof(RetryBaseDelay), o.RetryBaseDelay, errors);
        o.MaxRateLimitWait = ConfigReader.TimeSpan(section, nameof(MaxRateLimitWait), o.MaxRateLimitWait, errors);
        o.ReplyLease = ConfigReader.TimeSpan(section, nameof(ReplyLease), o.ReplyLease, errors);
        o.SignatureTolerance = ConfigReader.TimeSpan(section, nameof(SignatureTolerance), o.SignatureTolerance, errors);
        o.MaxRetries = ConfigReader.Int(section, nameof(MaxRetries), o.MaxRetries, errors);

        foreach (var child in section.GetSection(nameof(Webhooks)).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(child.Value))
            {
                continue;
            }

            if (!ConfigReader.TryEnum<NotificationChannel>(child.Key, out var channel))
            {
                errors.Add($"Discord:Webhooks:{child.Key} is not a channel; use one of {string.Join(", ", Enum.GetNames<NotificationChannel>())}");
            }
            else if (!System.Uri.TryCreate(child.Value.Trim(), UriKind.Absolute, out var url))
            {
                errors.Add($"Discord:Webhooks:{child.Key} must be an absolute URL");
            }
            else
            {
                o.Webhooks[channel] = url;
            }
        }

        foreach (var child in section.GetSection(nameof(Verbosity)).GetChildren())
        {
            if (!ConfigReader.TryEnum<NotificationKind>(child.Key, out var kind))
            {
                errors.Add($"Discord:Verbosity:{child.Key} is not a notification kind; use one of {string.Join(", ", Enum.GetNames<NotificationKind>())}");
            }
            else if (!ConfigReader.TryEnum<NotificationVerbosity>(child.Value, out var verbosity))
            {
                errors.Add($"Discord:Verbosity:{child.Key} must be on, silent or off, was '{child.Value}'");
            }
            else
            {
                o.Verbosity[kind] = verbosity;
            }
        }

        return o;
    }

    /// <summary>Every problem with these settings, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(bindingErrors);
        if (PublicKey.Length > 0 && DiscordSignatureVerifier.DescribeKeyProblem(PublicKey) is { } keyProblem)
        {
            errors.Add($"Discord:PublicKey must be the application's 32-byte Ed25519 public key in hex: {keyProblem}");
        }

        RequireSnowflakeOrEmpty(ApplicationId, nameof(ApplicationId), errors);
        RequireSnowflakeOrEmpty(GuildId, nameof(GuildId), errors);
        var allowList = DiscordAllowList.Parse(AllowedUserIds, out var allowErrors);
        errors.AddRange(allowErrors);
        if (PublicKey.Length > 0 && allowErrors.Count == 0 && allowList.UserIds.Count == 0)
        {
            errors.Add("Discord:AllowedUserIds must list at least one user id when Discord:PublicKey is set (otherwise nobody may command the desk)");
        }

        if (BotToken.Any(char.IsWhiteSpace))
        {
            errors.Add("Discord:BotToken must be the bare token, without 'Bot ' and without spaces");
        }

        foreach (var (channel, url) in Webhooks)
        {
            if (!IsHttpUrl(url) || !WebhookAddress.TryParse(url, out _))
            {
                errors.Add($"Discord:Webhooks:{channel} must be a webhook URL https://discord.com/api/webhooks/<id>/<token>, was {DiscordRedaction.Url(url)}");
            }
        }

        if (!IsHttpUrl(ApiBaseUrl))
        {
            errors.Add($"Discord:ApiBaseUrl must be an absolute https URL (http only on loopback), was '{ApiBaseUrl}'");
        }

        RequirePositive(AttemptTimeout, nameof(AttemptTimeout), errors);
        RequirePositive(SignatureTolerance, nameof(SignatureTolerance), errors);
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"Discord:MaxRetries must be between 0 and 10, was {MaxRetries.ToString(CultureInfo.InvariantCulture)}");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"Discord:RetryBaseDelay must be >= 0, was {RetryBaseDelay}");
        }

        if (MaxRateLimitWait < TimeSpan.Zero)
        {
            errors.Add($"Discord:MaxRateLimitWait must be >= 0, was {MaxRateLimitWait}");
        }

        if (ReplyLease < TimeSpan.FromSeconds(1) || ReplyLease > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Discord:ReplyLease must be between 00:00:01 and 00:05:00 (the interaction token lasts 15 minutes), was {ReplyLease}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="DiscordOptionsException"/> listing every bad setting.</summary>
    public DiscordOptions EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new DiscordOptionsException(errors);
    }

    /// <summary>The settings with the bot token and webhook tokens hidden.</summary>
    public override string ToString() =>
        $"Discord {{ ApplicationId = {Show(ApplicationId)}, PublicKey = {Show(PublicKey)}, BotToken = {DiscordRedaction.Secret(BotToken)}, " +
        $"GuildId = {Show(GuildId)}, AllowedUserIds = [{string.Join(", ", AllowList.UserIds)}], " +
        $"Webhooks = {{ {string.Join(", ", Webhooks.OrderBy(w => w.Key).Select(w => $"{w.Key} = {DiscordRedaction.Url(w.Value)}"))} }}, " +
        $"Verbosity = {{ {string.Join(", ", Enum.GetValues<NotificationKind>().Select(k => $"{k} = {VerbosityOf(k)}"))} }}, " +
        $"ApiBaseUrl = {ApiBaseUrl}, AttemptTimeout = {AttemptTimeout}, MaxRetries = {MaxRetries.ToString(CultureInfo.InvariantCulture)} }}";

    private static string Show(string value) => value.Length == 0 ? "(empty)" : value;

    private static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && (url.Scheme == System.Uri.UriSchemeHttps || (url.Scheme == System.Uri.UriSchemeHttp && url.IsLoopback));

    private static void RequireSnowflakeOrEmpty(string value, string name, List<string> errors)
    {
        if (value.Length > 0 && !DiscordAllowList.IsSnowflake(value))
        {
            errors.Add($"Discord:{name} must be a Discord id (1 to 20 digits), was '{value}'");
        }
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Discord:{name} must be > 0, was {value}");
        }
    }
}
