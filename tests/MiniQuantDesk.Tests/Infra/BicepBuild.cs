using System.Diagnostics;
using System.Text.Json.Nodes;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>
/// Runs infra/bicep-check.sh once per test class: the real Bicep CLI compiles and lints azure.bicep (warnings
/// fail), and the ARM template it writes is what the tests read. The first run restores the CLI from NuGet.
/// </summary>
public sealed class BicepBuild
{
    public BicepBuild()
    {
        var output = Path.Combine(Path.GetTempPath(), "mqd-azure-" + Guid.NewGuid().ToString("N") + ".json");
        var start = new ProcessStartInfo("bash", [Path.Combine(TestAppRoot.RepositoryRoot(), "infra", "bicep-check.sh"), "--out", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        Diagnostics = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        ExitCode = process.ExitCode;
        if (ExitCode == 0)
        {
            _template = new ArmTemplate(JsonNode.Parse(File.ReadAllText(output))!.AsObject());
            File.Delete(output);
        }
    }

    public int ExitCode { get; }

    /// <summary>What the compiler and linter printed (empty of warnings when the check passed).</summary>
    public string Diagnostics { get; }

    /// <summary>The compiled template; throws with the compiler's output when the check failed.</summary>
    public ArmTemplate Template => _template ?? throw new InvalidOperationException("infra/bicep-check.sh failed (exit " + ExitCode + "):\n" + Diagnostics);

    private readonly ArmTemplate? _template;
}
