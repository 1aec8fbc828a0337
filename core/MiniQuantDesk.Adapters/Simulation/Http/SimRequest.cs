using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Http;

/// <summary>What a handler needs of a request: method, path, query and the JSON body (if any), plus the simulated now.</summary>
internal sealed record SimRequest(string Method, string Path, IQueryCollection Query, JsonElement? Body, DateTimeOffset Now)
{
    public string? Q(string name) => Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;

    /// <summary>A query instant: RFC 3339, or a date (its New York midnight). Error names the parameter.</summary>
    public (DateTimeOffset? Value, string? Error) Instant(string name)
    {
        if (Q(name) is not { } text)
        {
            return (null, null);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (NewYorkTime.ToUtc(date, TimeOnly.MinValue), null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? (instant, null)
            : (null, $"invalid {name}: '{text}' is not an RFC 3339 time or a date");
    }

    /// <summary>A whole-number query parameter within [min, max]; the default when absent.</summary>
    public (int Value, string? Error) Int(string name, int fallback, int min, int max)
    {
        if (Q(name) is not { } text)
        {
            return (fallback, null);
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (fallback, $"invalid {name}: '{text}' (a whole number from {min} to {max})");
    }

    public (decimal? Value, string? Error) Decimal(string name)
    {
        if (Q(name) is not { } text)
        {
            return (null, null);
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, $"invalid {name}: '{text}'");
    }

    public bool Flag(string name) => string.Equals(Q(name), "true", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> List(string name) =>
        Q(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
