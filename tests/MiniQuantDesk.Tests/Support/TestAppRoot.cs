using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Tests.Support;

/// <summary>Writes a throwaway Functions app root (host.json + function folders) for host tests.</summary>
public static class TestAppRoot
{
    public static AppRoot Create(string hostJson, params (string Name, string FunctionJson)[] functions)
    {
        var path = Path.Combine(Path.GetTempPath(), "mqd-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "host.json"), hostJson);
        foreach (var (name, json) in functions)
        {
            Directory.CreateDirectory(Path.Combine(path, name));
            File.WriteAllText(Path.Combine(path, name, "function.json"), json);
        }

        return AppRoot.Load(path);
    }

    public const string FastQueuesHostJson = """
        {
          "version": "2.0",
          "customHandler": { "description": { "defaultExecutablePath": "handler", "arguments": ["serve"] }, "enableForwardingHttpRequest": true },
          "extensions": { "http": { "routePrefix": "api" },
                          "queues": { "maxPollingInterval": "00:00:00.200", "visibilityTimeout": "00:00:00", "batchSize": 4, "maxDequeueCount": 3, "messageEncoding": "base64" } }
        }
        """;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniQuantDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (MiniQuantDesk.slnx) not found above " + AppContext.BaseDirectory);
    }
}
