using System.Globalization;
using System.Text;

namespace MiniQuantDesk.Adapters.Alpaca.Transport;

/// <summary>Builds request URLs: a path under a base URL plus escaped query parameters, skipping unset ones.</summary>
internal sealed class AlpacaUrl
{
    private readonly StringBuilder builder;
    private bool hasQuery;

    public AlpacaUrl(Uri baseUrl, string path)
    {
        builder = new StringBuilder(baseUrl.GetLeftPart(UriPartial.Authority)).Append(baseUrl.AbsolutePath.TrimEnd('/')).Append(path);
    }

    public AlpacaUrl Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        builder.Append(hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        hasQuery = true;
        return this;
    }

    public AlpacaUrl Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public AlpacaUrl Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public AlpacaUrl Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public AlpacaUrl Add(string name, DateTimeOffset? value) => Add(name, value is null ? null : Rfc3339(value.Value));

    public AlpacaUrl Add(string name, IReadOnlyList<string>? values) =>
        Add(name, values is null || values.Count == 0 ? null : string.Join(',', values));

    public Uri ToUri() => new(builder.ToString());

    /// <summary>UTC, fractional seconds only when present: 2024-03-04T14:30:00Z.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A path segment (order id, symbol) escaped so it cannot change the path.</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}
