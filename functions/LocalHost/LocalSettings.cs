using System.Text.Json;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>
/// local.settings.json as Core Tools reads it: <c>Values</c> become the handler's environment. Real
/// environment variables win, so a one-off override needs no file edit.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string> Values)
{
    public static LocalSettings Load(string? path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is not null && File.Exists(path))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }
        else if (path is not null)
        {
            throw new InvalidOperationException($"settings file {path} does not exist (copy local.settings.json.example to local.settings.json)");
        }

        foreach (var key in values.Keys.ToList())
        {
            if (Environment.GetEnvironmentVariable(key) is { } fromEnvironment)
            {
                values[key] = fromEnvironment;
            }
        }

        return new LocalSettings(values);
    }

    public LocalSettings With(string key, string value)
    {
        var copy = new Dictionary<string, string>(Values, StringComparer.Ordinal) { [key] = value };
        return new LocalSettings(copy);
    }

    public string? this[string key] => Values.TryGetValue(key, out var value) ? value : Environment.GetEnvironmentVariable(key);
}
