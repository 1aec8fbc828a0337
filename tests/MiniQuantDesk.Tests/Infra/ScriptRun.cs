using System.Diagnostics;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>Runs one of the repository's infra/ scripts with bash and captures what it printed.</summary>
public sealed record ScriptRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<ScriptRun> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestAppRoot.RepositoryRoot(), "infra", script), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new ScriptRun(process.ExitCode, await stdout, await stderr);
    }
}
