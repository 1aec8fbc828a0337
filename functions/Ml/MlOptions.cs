using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Ml;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>
/// Shadow-mode settings (section <c>Ml</c>). <c>Ml__Models</c> lists the enabled models by registry name,
/// comma-separated: <c>rule</c> is built in, any other name is read from the <c>models</c> container. Empty or
/// <c>none</c> turns shadow mode off.
/// </summary>
public sealed record MlOptions(IReadOnlyList<string> Models)
{
    public const string SectionName = "Ml";
    public const string DefaultModels = "rule";

    public MlOptions()
        : this([DefaultModels])
    {
    }

    public static MlOptions Bind(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var text = configuration.GetSection(SectionName)["Models"] ?? DefaultModels;
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names is ["none"])
        {
            return new MlOptions([]);
        }

        foreach (var bad in names.Where(n => !ModelRegistry.IsValidName(n)))
        {
            problems.Add($"Ml:Models has '{bad}', which is not a model name (a-z, 0-9 and '-', starting with a letter; 'none' for no models)");
        }

        return new MlOptions(names.Where(ModelRegistry.IsValidName).ToList());
    }
}
