using Microsoft.Playwright;

using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.EndToEnd;

/// <summary>
/// Headless Chromium from the system (Debian's <c>chromium</c>), driven by Playwright. Playwright's own browser
/// download is never used: `./desk test` installs the package when it is missing and it runs as root.
/// </summary>
public static class DashboardBrowser
{
    public static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Executable()
    {
        var configured = Environment.GetEnvironmentVariable("DASHBOARD_BROWSER");
        var found = (configured is { Length: > 0 } ? [configured] : Candidates).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            $"No Chromium for the dashboard browser test: none of {string.Join(", ", configured is { Length: > 0 } ? [configured] : Candidates)} exists. " +
            "Install Debian's package (`apt-get update && apt-get install -y chromium`; `./desk test` does it when run as root) or set DASHBOARD_BROWSER to a Chromium executable.");
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // Playwright starts every launch with a new, empty user-data-dir of its own (it refuses --user-data-dir here).
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable(),
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
