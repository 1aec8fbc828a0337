using System.Diagnostics;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>The desk's trace source; exporters (console, OTLP, Application Insights) are chosen at start-up.</summary>
public static class DeskTelemetry
{
    public const string SourceName = "MiniQuantDesk";

    public static readonly ActivitySource Source = new(SourceName, typeof(DeskTelemetry).Assembly.GetName().Version?.ToString());
}
