using System.Globalization;

namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// Parses a price as written by a feed (CSV cell or JSON number text) into a decimal, verbatim: no
/// rounding, no assumption of 2 or 4 decimals. "NaN" and "Infinity" (which a double-minded feed can emit)
/// are refused by name rather than surfacing as a generic format error.
/// </summary>
public static class PriceText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out string? error)
    {
        value = 0m;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            error = "is empty";
            return false;
        }

        var unsigned = trimmed.TrimStart("+-");
        if (unsigned.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || unsigned.StartsWith("Inf", StringComparison.OrdinalIgnoreCase)
            || unsigned.SequenceEqual("∞"))
        {
            error = $"'{trimmed}' is not a finite number";
            return false;
        }

        if (!decimal.TryParse(trimmed, Style, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{trimmed}' is not a decimal number";
            return false;
        }

        error = null;
        return true;
    }
}
