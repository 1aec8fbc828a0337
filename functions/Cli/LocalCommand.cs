using System.CommandLine;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Simulation;
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
        SimulatedMarket? market = null;
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

            TimeProvider time = TimeProvider.System;
            if (string.IsNullOrWhiteSpace(settings["Alpaca__KeyId"]) && string.IsNullOrWhiteSpace(settings["Alpaca__SecretKey"]))
            {
                (market, settings) = await StartSimulatedMarketAsync(settings, logger, ct);
                time = new SimulatedTimeProvider(market.Clock, TimeProvider.System);
            }
            else
            {
                logger.LogWarning("Trading against the broker at {Url} ({Mode})", settings["Alpaca__TradingBaseUrl"] ?? "https://paper-api.alpaca.markets", settings["Alpaca__Mode"] ?? "Paper");
            }

            var app = AppRoot.Load(AppContext.BaseDirectory);
            var storage = new StorageAccount(new StorageOptions(connection, null, null));
            var handler = new HandlerProcess(app, settings.Values, loggers.CreateLogger("Host.Handler"));
            await using var host = new LocalFunctionsHost(app, handler, storage, time, loggers);
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
            if (market is not null)
            {
                await market.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// No broker keys: the desk trades against the simulated market, which replays real bars on a fast clock.
    /// The handler gets the market's address, throwaway keys and the shared clock.
    /// </summary>
    private static async Task<(SimulatedMarket Market, LocalSettings Settings)> StartSimulatedMarketAsync(LocalSettings settings, ILogger logger, CancellationToken ct)
    {
        var options = new SimulatedMarketOptions { KeyId = "sim-key", SecretKey = "sim-secret" };
        if (decimal.TryParse(settings["Simulation__Speed"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var speed))
        {
            options.Speed = speed;
        }

        options.BarsPath = settings["Simulation__BarsPath"] is { Length: > 0 } path ? path : null;
        var market = await SimulatedMarket.StartAsync(options.EnsureValid(), TimeProvider.System, ct);
        logger.LogWarning("No Alpaca keys: trading the SIMULATED market at {Url} ({Speed}x, symbols {Symbols}, market time {Now:O})",
            market.BaseAddress, options.Speed, string.Join(",", market.Symbols), market.Now);
        var url = market.BaseAddress.ToString().TrimEnd('/');
        settings = settings
            .With("Alpaca__TradingBaseUrl", url)
            .With("Alpaca__DataBaseUrl", url)
            .With("Alpaca__KeyId", "sim-key")
            .With("Alpaca__SecretKey", "sim-secret")
            .With("Alpaca__Mode", "Paper")
            .With(SimulatedClock.EnvironmentVariable, market.Clock.Format());
        if (string.IsNullOrWhiteSpace(settings["Desk__Symbols"]))
        {
            settings = settings.With("Desk__Symbols", string.Join(",", market.Symbols));
        }

        return (market, settings);
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
