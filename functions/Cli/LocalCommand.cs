using System.CommandLine;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Hosting;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.LocalHost;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk local</c>: Azurite (unless one already answers), the handler process and the local Functions
/// host, all on loopback. Ctrl-C stops everything it started.
/// </summary>
public static class LocalCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "HTTP port for /api/... (Core Tools uses 7071)", DefaultValueFactory = _ => 7071 };
        var settingsFile = new Option<string?>("--settings") { Description = "local.settings.json to read (default: ./local.settings.json, else the example)" };
        var noAzurite = new Option<bool>("--no-azurite") { Description = "Do not start Azurite; use AzureWebJobsStorage as configured" };
        var command = new Command("local", "Run the desk locally: Azurite + the local Functions host + the handler") { port, settingsFile, noAzurite };
        command.SetAction(async (parse, ct) =>
        {
            using var loggers = LoggerFactory.Create(b => HandlerServer.ConfigureLogging(b));
            var logger = loggers.CreateLogger("Desk");
            try
            {
                return await RunAsync(parse.GetValue(port), parse.GetValue(settingsFile), parse.GetValue(noAzurite), loggers, logger, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                logger.LogError("{Error}", ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(int port, string? settingsPath, bool noAzurite, ILoggerFactory loggers, ILogger logger, CancellationToken ct)
    {
        settingsPath ??= File.Exists("local.settings.json") ? "local.settings.json" : FindExample();
        logger.LogInformation("Settings from {Path}", settingsPath);
        var settings = LocalSettings.Load(settingsPath);
        AzuriteProcess? azurite = null;
        try
        {
            var connection = settings["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true";
            if (!noAzurite && connection.Trim().Equals("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
            {
                var location = Path.Combine(Directory.GetCurrentDirectory(), ".azurite");
                azurite = await AzuriteProcess.StartAsync(location, ct: ct);
                logger.LogInformation("Started {Azurite}", azurite);
                connection = azurite.ConnectionString;
                settings = settings.With("AzureWebJobsStorage", connection);
            }

            var app = AppRoot.Load(AppContext.BaseDirectory);
            var storage = new StorageAccount(new StorageOptions(connection, null, null));
            var handler = new HandlerProcess(app, settings.Values, loggers.CreateLogger("Host.Handler"));
            await using var host = new LocalFunctionsHost(app, handler, storage, TimeProvider.System, loggers);
            await host.StartAsync(port, ct);
            logger.LogInformation("Desk running. Health: {Url}api/health  (Ctrl-C to stop)", host.HttpBaseAddress);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                logger.LogInformation("Stopping...");
            }

            return 0;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static string? FindExample()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "local.settings.json.example");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
