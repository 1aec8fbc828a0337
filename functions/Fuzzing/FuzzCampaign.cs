namespace MiniQuantDesk.Functions.Fuzzing;

/// <summary>The whole campaign over every entry point, split by a fixed share of the input budget.</summary>
public static class FuzzCampaign
{
    /// <summary>local.settings.json.example: from the current directory or <paramref name="start"/> upwards (the repository root).</summary>
    public static string FindSettingsExample(string start)
    {
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "local.settings.json.example");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("local.settings.json.example not found above " + start);
    }
}
