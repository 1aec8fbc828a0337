using System.Globalization;
using System.Net;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MiniQuantDesk.Functions.Hosting;

/// <summary>
/// The custom handler: listens on <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> on loopback, answers <c>GET /</c>
/// cheaply (the host polls it at start-up), <c>POST /{FunctionName}</c> with the invocation envelope,
/// and forwarded HTTP functions at their original <c>/api/...</c> paths.
/// </summary>
public static class HandlerServer
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";
    private const int MaxBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args, string appRootPath, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var portText = builder.Configuration[PortSetting];
        if (!int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
        {
            throw new SettingsException([$"{PortSetting} must be the TCP port the Functions host assigned, was '{portText}'"]);
        }

        var settings = DeskSettings.Load(builder.Configuration);
        var app = AppRoot.Load(appRootPath);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        ConfigureLogging(builder.Logging);
        ConfigureTracing(builder.Services, builder.Configuration);
        DeskServices.Add(builder.Services, settings, app, MarketTime(builder.Configuration));
        overrides?.Invoke(builder.Services);

        builder.Services.AddHostedService<StorageProvisioningService>();
        if (settings.Desk.StreamTradeUpdates && settings.Broker.HasKeys)
        {
            builder.Services.AddSingleton(sp => new Adapters.Alpaca.AlpacaTradeUpdatesStream(settings.Alpaca, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>().CreateLogger<Adapters.Alpaca.AlpacaTradeUpdatesStream>()));
            builder.Services.AddHostedService<Orders.TradeUpdatesListener>();
        }

        builder.Services.AddHostedService<LiveGateService>();
        var web = builder.Build();
        var dispatcher = web.Services.GetRequiredService<FunctionDispatcher>();
        MapEndpoints(web, dispatcher);
        return web;
    }

    /// <summary>A local run against the simulated market shares its clock through <c>Simulation__Clock</c>.</summary>
    private static TimeProvider? MarketTime(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var text = configuration[Adapters.Simulation.SimulatedClock.ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Adapters.Simulation.SimulatedClock.TryParse(text, out var clock, out var error)
            ? new Adapters.Simulation.SimulatedTimeProvider(clock, TimeProvider.System)
            : throw new SettingsException([$"{Adapters.Simulation.SimulatedClock.ConfigurationKey} is not a simulated clock: {error}"]);
    }

    private static void MapEndpoints(WebApplication web, FunctionDispatcher dispatcher)
    {
        web.MapGet("/", () => Results.Text("MiniQuantDesk handler"));
        web.MapPost("/{functionName}", async (string functionName, HttpContext http) =>
        {
            var body = await ReadBodyAsync(http);
            var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault();
            var result = body is null
                ? DispatchResult.Failure(413, $"invocation body larger than {MaxBodyBytes} bytes")
                : await dispatcher.InvokeAsync(functionName, body, invocationId, http.RequestAborted);
            return Results.Text(result.Body.ToJsonString(), "application/json", statusCode: result.StatusCode);
        });

        var host = dispatcher.App.Host;
        foreach (var function in dispatcher.App.Functions.Where(f => f.IsForwardedHttp(host.EnableForwardingHttpRequest)))
        {
            var pattern = string.IsNullOrEmpty(host.RoutePrefix) ? $"/{function.HttpRoute}" : $"/{host.RoutePrefix}/{function.HttpRoute}";
            var methods = function.Trigger.Methods is { Count: > 0 } m ? m : ["GET", "POST"];
            web.MapMethods(pattern, methods, async (HttpContext http) =>
            {
                HttpRequestData request;
                try
                {
                    request = await HttpRequestData.FromHttpContextAsync(http, MaxBodyBytes, http.RequestAborted);
                }
                catch (InvalidInvocationException ex)
                {
                    return Results.Json(new Dictionary<string, string> { ["error"] = ex.Message }, statusCode: 413);
                }

                var invocationId = http.Request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault();
                var response = await dispatcher.InvokeForwardedAsync(function, request, invocationId, http.RequestAborted);
                foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
                {
                    http.Response.Headers[name] = value;
                }

                http.Response.StatusCode = response.StatusCode;
                http.Response.ContentType = response.ContentType;
                await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
                return Results.Empty;
            });
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        // One scope per line is enough: the function name and invocation id, not Kestrel's connection ids.
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }

    /// <summary>Traces go to OTLP when an endpoint is set, to Application Insights when its connection string is set, and to the console on request.</summary>
    public static void ConfigureTracing(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var console = string.Equals(configuration["Telemetry:ConsoleTraces"], "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(otlp) && string.IsNullOrWhiteSpace(appInsights) && !console)
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("MiniQuantDesk"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(DeskTelemetry.SourceName).AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter();
                }

                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
    }
}
