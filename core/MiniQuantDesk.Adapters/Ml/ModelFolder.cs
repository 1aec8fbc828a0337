namespace MiniQuantDesk.Adapters.Ml;

/// <summary>
/// A model package on disk, laid out as in the registry: <c>&lt;folder&gt;/&lt;name&gt;/&lt;version&gt;/card.json</c>
/// and <c>model.zip</c>. What <c>desk ml train --out</c> writes.
/// </summary>
public static class ModelFolder
{
    /// <summary>Writes the package; returns the version folder.</summary>
    public static string Write(string folder, ModelPackage package)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(package);
        var target = Path.Combine(folder, package.Card.Name, package.Card.Version);
        Directory.CreateDirectory(target);
        if (package.Model is { } model)
        {
            File.WriteAllBytes(Path.Combine(target, ModelRegistry.ModelFile), model);
        }

        File.WriteAllText(Path.Combine(target, ModelRegistry.CardFile), ModelCardJson.Write(package.Card));
        return target;
    }

    /// <summary>Reads a version folder written by <see cref="Write"/>.</summary>
    public static ModelPackage Read(string versionFolder)
    {
        var cardPath = Path.Combine(versionFolder, ModelRegistry.CardFile);
        if (!File.Exists(cardPath))
        {
            throw new InvalidDataException($"{versionFolder}: no {ModelRegistry.CardFile}");
        }

        var card = ModelCardJson.Read(File.ReadAllText(cardPath), cardPath);
        var modelPath = Path.Combine(versionFolder, ModelRegistry.ModelFile);
        return new ModelPackage(card, File.Exists(modelPath) ? File.ReadAllBytes(modelPath) : null);
    }
}
