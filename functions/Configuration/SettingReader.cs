using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MiniQuantDesk.Functions.Configuration;

/// <summary>Reads typed settings, adding a problem that names the setting instead of throwing on the first one.</summary>
public static class SettingReader
{
    public static TimeSpan Seconds(IConfiguration section, string fullName, string key, double fallback, double min, double max, List<string> problems)
    {
        var value = Number(section, fullName, key, fallback, min, max, problems);
        return TimeSpan.FromSeconds(value);
    }

    public static double Number(IConfiguration section, string fullName, string key, double fallback, double min, double max, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            problems.Add($"{fullName} must be a number, was '{text}'");
            return fallback;
        }

        if (value < min || value > max)
        {
            problems.Add($"{fullName} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, was {text}");
            return fallback;
        }

        return value;
    }

    public static Uri? Url(IConfiguration section, string fullName, string key, string? fallback, List<string> problems)
    {
        var text = section[key] ?? fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{fullName} must be an http(s) URL, was '{text}'");
            return null;
        }

        return uri;
    }
}
