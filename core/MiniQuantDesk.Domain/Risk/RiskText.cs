using System.Globalization;

namespace MiniQuantDesk.Domain.Risk;

/// <summary>How amounts are written in reason sentences (invariant culture, always).</summary>
internal static class RiskText
{
    public static string Usd(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Num(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Pct(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
