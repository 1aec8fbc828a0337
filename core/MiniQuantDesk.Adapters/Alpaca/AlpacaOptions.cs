using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MiniQuantDesk.Adapters.Alpaca;

/// <summary>
/// Settings of the Alpaca clients, bound from the <c>Alpaca</c> configuration section (environment variables
/// <c>Alpaca__KeyId</c>, <c>Alpaca__SecretKey</c>, ...). Paper trading is the default; the live host is accepted
/// only when <see cref="Mode"/> says Live and the URL is the live one, so a copied setting cannot route real money.
/// </summary>
public sealed class AlpacaOptions
{
    public const string SectionName = "Alpaca";
    public static readonly Uri PaperTradingUrl = new("https://paper-api.alpaca.markets");
    public static readonly Uri LiveTradingUrl = new("https://api.alpaca.markets");
    public static readonly Uri DefaultDataUrl = new("https://data.alpaca.markets");

    public string KeyId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public Uri TradingBaseUrl { get; set; } = PaperTradingUrl;
    public Uri DataBaseUrl { get; set; } = DefaultDataUrl;
    public AlpacaMode Mode { get; set; } = AlpacaMode.Paper;
    public AlpacaDataFeed Feed { get; set; } = AlpacaDataFeed.Iex;

    /// <summary>Limit of one HTTP attempt (request sent → response headers and body read).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit of one call including its retries and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (so MaxRetries + 1 attempts at most).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay for 5xx/timeouts; doubles per retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait a 429's rate-limit headers may impose before the call gives up instead.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Reads the <c>Alpaca</c> section by hand (no reflection binder, so Native AOT stays possible).</summary>
    public static AlpacaOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = new AlpacaOptions();
        var errors = new List<string>();

        options.KeyId = section[nameof(KeyId)] ?? "";
        options.SecretKey = section[nameof(SecretKey)] ?? "";
        options.TradingBaseUrl = ReadUri(section, nameof(TradingBaseUrl), options.TradingBaseUrl, errors);
        options.DataBaseUrl = ReadUri(section, nameof(DataBaseUrl), options.DataBaseUrl, errors);
        options.Mode = ReadEnum(section, nameof(Mode), options.Mode, errors);
        options.Feed = ReadEnum(section, nameof(Feed), options.Feed, errors);
        options.AttemptTimeout = ReadTimeSpan(section, nameof(AttemptTimeout), options.AttemptTimeout, errors);
        options.TotalTimeout = ReadTimeSpan(section, nameof(TotalTimeout), options.TotalTimeout, errors);
        options.RetryBaseDelay = ReadTimeSpan(section, nameof(RetryBaseDelay), options.RetryBaseDelay, errors);
        options.MaxRateLimitWait = ReadTimeSpan(section, nameof(MaxRateLimitWait), options.MaxRateLimitWait, errors);
        options.MaxRetries = ReadInt(section, nameof(MaxRetries), options.MaxRetries, errors);

        if (errors.Count > 0)
        {
            throw new AlpacaOptionsException(errors);
        }

        return options;
    }

    /// <summary>Every problem with these settings, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(KeyId))
        {
            errors.Add("Alpaca:KeyId must be set (the APCA-API-KEY-ID of the account)");
        }

        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            errors.Add("Alpaca:SecretKey must be set (the APCA-API-SECRET-KEY of the account)");
        }

        ValidateTradingUrl(errors);
        ValidateUrl(DataBaseUrl, nameof(DataBaseUrl), errors);
        RequirePositive(AttemptTimeout, nameof(AttemptTimeout), errors);
        RequirePositive(TotalTimeout, nameof(TotalTimeout), errors);
        if (TotalTimeout < AttemptTimeout)
        {
            errors.Add($"Alpaca:TotalTimeout must be >= Alpaca:AttemptTimeout ({AttemptTimeout}), was {TotalTimeout}");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"Alpaca:MaxRetries must be between 0 and 10, was {MaxRetries.ToString(CultureInfo.InvariantCulture)}");
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"Alpaca:RetryBaseDelay must be >= 0, was {RetryBaseDelay}");
        }

        if (MaxRateLimitWait < TimeSpan.Zero)
        {
            errors.Add($"Alpaca:MaxRateLimitWait must be >= 0, was {MaxRateLimitWait}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="AlpacaOptionsException"/> listing every bad setting.</summary>
    public AlpacaOptions EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new AlpacaOptionsException(errors);
    }

    /// <summary>Shows the settings with the keys redacted, so the object is safe to log.</summary>
    public override string ToString() =>
        $"Alpaca {{ Mode = {Mode}, TradingBaseUrl = {TradingBaseUrl}, DataBaseUrl = {DataBaseUrl}, Feed = {Feed}, " +
        $"KeyId = {AlpacaKeyRedaction.Redact(KeyId)}, SecretKey = {AlpacaKeyRedaction.Redact(SecretKey)}, " +
        $"AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, MaxRetries = {MaxRetries.ToString(CultureInfo.InvariantCulture)} }}";

    private void ValidateTradingUrl(List<string> errors)
    {
        if (!ValidateUrl(TradingBaseUrl, nameof(TradingBaseUrl), errors))
        {
            return;
        }

        var isLiveHost = SameHost(TradingBaseUrl, LiveTradingUrl);
        if (Mode == AlpacaMode.Paper && isLiveHost)
        {
            errors.Add($"Alpaca:TradingBaseUrl is the live host {LiveTradingUrl} but Alpaca:Mode is Paper; set Alpaca:Mode=Live to trade real money");
        }
        else if (Mode == AlpacaMode.Live && !isLiveHost)
        {
            errors.Add($"Alpaca:Mode is Live but Alpaca:TradingBaseUrl is {TradingBaseUrl}, not the live host {LiveTradingUrl}");
        }
        else if (!Enum.IsDefined(Mode))
        {
            errors.Add($"Alpaca:Mode must be Paper or Live, was {Mode}");
        }
    }

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Scheme == b.Scheme && a.Port == b.Port;

    private static bool ValidateUrl(Uri? url, string name, List<string> errors)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Alpaca:{name} must be an absolute http(s) URL, was '{url}'");
            return false;
        }

        return true;
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Alpaca:{name} must be > 0, was {value}");
        }
    }

    private static Uri ReadUri(IConfigurationSection section, string name, Uri fallback, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri))
        {
            return uri;
        }

        errors.Add($"Alpaca:{name} must be an absolute URL, was '{raw}'");
        return fallback;
    }

    private static TEnum ReadEnum<TEnum>(IConfigurationSection section, string name, TEnum fallback, List<string> errors)
        where TEnum : struct, Enum
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (Enum.TryParse<TEnum>(raw.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(raw.Trim()[0]))
        {
            return value;
        }

        errors.Add($"Alpaca:{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, was '{raw}'");
        return fallback;
    }

    private static TimeSpan ReadTimeSpan(IConfigurationSection section, string name, TimeSpan fallback, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(raw.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"Alpaca:{name} must be a time span like 00:00:10, was '{raw}'");
        return fallback;
    }

    private static int ReadInt(IConfigurationSection section, string name, int fallback, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"Alpaca:{name} must be a whole number, was '{raw}'");
        return fallback;
    }
}
