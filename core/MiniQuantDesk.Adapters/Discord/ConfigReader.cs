using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MiniQuantDesk.Adapters.Discord;

/// <summary>Reads one typed value of the <c>Discord</c> section; a bad value adds an error naming the setting and keeps the default.</summary>
internal static class ConfigReader
{
    public static Uri Uri(IConfigurationSection section, string name, Uri fallback, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (System.Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri))
        {
            return uri;
        }

        errors.Add($"Discord:{name} must be an absolute URL, was '{raw}'");
        return fallback;
    }

    public static TimeSpan TimeSpan(IConfigurationSection section, string name, TimeSpan fallback, List<string> errors)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (System.TimeSpan.TryParse(raw.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"Discord:{name} must be a time span like 00:00:10, was '{raw}'");
        return fallback;
    }

    public static int Int(IConfigurationSection section, string name, int fallback, List<string> errors)
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

        errors.Add($"Discord:{name} must be a whole number, was '{raw}'");
        return fallback;
    }

    /// <summary>Case-insensitive name of a defined member; numbers are refused so "7" cannot mean anything.</summary>
    public static bool TryEnum<TEnum>(string? raw, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var text = raw?.Trim();
        return !string.IsNullOrEmpty(text) && !char.IsDigit(text[0]) && text[0] != '-'
            && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
