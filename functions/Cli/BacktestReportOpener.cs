using System.Diagnostics;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>Opens report.html in the desktop's browser when there is a desktop; otherwise says where the file is.</summary>
public static class BacktestReportOpener
{
    public static void Launch(string path, TextWriter stdout)
    {
        var url = new Uri(path).AbsoluteUri;
        var desktop = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? null : desktop ? "xdg-open" : null;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Process.Start(new ProcessStartInfo(path) { UseShellExecute = true })?.Dispose();
                stdout.WriteLine($"opened {url}");
                return;
            }

            if (opener is not null)
            {
                Process.Start(new ProcessStartInfo(opener, [path]) { UseShellExecute = false })?.Dispose();
                stdout.WriteLine($"opened {url}");
                return;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No opener installed: fall through to printing the address.
        }

        stdout.WriteLine($"open {url} in a browser");
    }
}
