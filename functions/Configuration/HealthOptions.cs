namespace MiniQuantDesk.Functions.Configuration;

/// <summary>How long each health check may take before it counts as failed (section <c>Health</c>).</summary>
public sealed record HealthOptions(TimeSpan CheckTimeout)
{
    public static HealthOptions Bind(Microsoft.Extensions.Configuration.IConfiguration configuration, List<string> problems) =>
        new(SettingReader.Seconds(configuration.GetSection("Health"), "Health:CheckTimeoutSeconds", "CheckTimeoutSeconds", 2, 0.1, 30, problems));
}
