using System.IO.Compression;
using System.Text.Json.Nodes;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>
/// infra/package.sh's layout and zip step (--from: no publish) on a folder shaped like `dotnet publish`
/// output: the real host.json, the real function folders, the real handler executable, and the clutter a
/// publish folder may hold.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PackageLayoutTests : IDisposable
{
    private static readonly string Root = TestAppRoot.RepositoryRoot();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "mqd-package-" + Guid.NewGuid().ToString("N"));

    public PackageLayoutTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static IReadOnlyList<string> FunctionNames() =>
        Directory.GetDirectories(Path.Combine(Root, "functions")).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).ToList()!;

    private string PublishedFolder()
    {
        var published = Path.Combine(_work, "publish");
        Directory.CreateDirectory(published);
        File.Copy(Path.Combine(Root, "host.json"), Path.Combine(published, "host.json"));
        foreach (var name in FunctionNames())
        {
            Directory.CreateDirectory(Path.Combine(published, name));
            File.Copy(Path.Combine(Root, "functions", name, "function.json"), Path.Combine(published, name, "function.json"));
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "handler"), Path.Combine(published, "handler"));
        File.SetUnixFileMode(Path.Combine(published, "handler"), UnixFileMode.UserRead | UnixFileMode.UserWrite); // publish may lose the bit
        File.WriteAllText(Path.Combine(published, "libsodium.so"), "native library stand-in");
        File.WriteAllText(Path.Combine(published, "local.settings.json"), """{"Values":{"Alpaca__SecretKey":"never-deploy-me"}}""");
        File.WriteAllText(Path.Combine(published, "handler.pdb"), "symbols");
        Directory.CreateDirectory(Path.Combine(published, "wwwroot"));
        File.WriteAllText(Path.Combine(published, "wwwroot", "index.html"), "not a function");
        return published;
    }

    [Fact]
    public async Task The_zip_has_host_json_at_its_root_an_executable_handler_and_every_function_folder_and_nothing_local()
    {
        var zip = Path.Combine(_work, "app.zip");

        var run = await ScriptRun.RunAsync("package.sh", ["--from", PublishedFolder(), "--out", zip]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(zip, run.Stdout.Trim().Split('\n')[^1]);
        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName);

        var hostJson = JsonNode.Parse(new StreamReader(entries["host.json"].Open()).ReadToEnd())!;
        var executable = (string)hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!;
        Assert.True(entries.ContainsKey(executable), $"the zip has no {executable}");
        Assert.Equal(Convert.ToInt32("755", 8), (entries[executable].ExternalAttributes >> 16) & Convert.ToInt32("777", 8));
        Assert.Equal(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "handler")).Length, entries[executable].Length);
        Assert.All(FunctionNames(), name => Assert.True(entries.ContainsKey($"{name}/function.json"), $"{name}/function.json missing"));
        Assert.Contains("libsodium.so", entries.Keys);
        Assert.DoesNotContain(entries.Keys, k => k.Contains("local.settings", StringComparison.Ordinal) || k.EndsWith(".pdb", StringComparison.Ordinal) || k.StartsWith("wwwroot", StringComparison.Ordinal));
        var folders = entries.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Select(k => k.Split('/')[0]).Distinct().Order();
        Assert.Equal(FunctionNames().Order(), folders);
    }

    [Fact]
    public async Task A_published_folder_without_the_executable_host_json_names_is_refused_naming_it()
    {
        var published = PublishedFolder();
        File.Delete(Path.Combine(published, "handler"));

        var run = await ScriptRun.RunAsync("package.sh", ["--from", published, "--out", Path.Combine(_work, "app.zip")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no 'handler' (host.json's defaultExecutablePath)", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "app.zip")));
    }
}
