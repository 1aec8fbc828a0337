using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>
/// The page: one self-contained HTML document with its CSS and script inlined from the embedded assets, so it
/// needs one authorised request (the function key) and nothing from any other origin. The Content-Security-Policy
/// allows exactly those two inline blocks (by hash) and fetches to the same origin.
/// </summary>
public static class DashboardPage
{
    private static readonly string Css = Asset("dashboard.css");
    private static readonly string Script = Asset("dashboard.js");
    private static readonly string Template = Asset("dashboard.html");

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; script-src 'sha256-{Hash(Script)}'; style-src 'sha256-{Hash(Css)}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Html(int refreshSeconds) => Template
        .Replace("/*CSS*/", Css, StringComparison.Ordinal)
        .Replace("/*JS*/", Script, StringComparison.Ordinal)
        .Replace("/*REFRESH*/", refreshSeconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The shared stylesheet, also used by the backtest report.</summary>
    public static string Stylesheet => Css;

    private static string Asset(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream($"Dashboard.{name}")
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded in the handler");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Hash(string inline) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
}
