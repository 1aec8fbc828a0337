namespace MiniQuantDesk.Functions.Configuration;

/// <summary>A bad or missing setting: the app refuses to start and names every offending setting.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("Configuration refused: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
