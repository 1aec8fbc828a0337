using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>
/// Models in the blob container <c>models</c>: <c>&lt;name&gt;/&lt;version&gt;/card.json</c> (+ <c>model.zip</c> for a
/// trained model) and <c>&lt;name&gt;/current.txt</c> holding the version in use. Publishing writes the version's
/// files first and moves the pointer last, so a reader never sees a half-published model.
/// </summary>
public sealed partial class ModelRegistry(StorageAccount storage)
{
    public const string Container = "models";
    public const string CardFile = "card.json";
    public const string ModelFile = "model.zip";
    private const string Pointer = "current.txt";

    private BlobContainerClient Blobs => storage.Blobs.GetBlobContainerClient(Container);

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public async Task PublishAsync(ModelPackage package, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(package);
        var card = package.Card;
        if (!IsValidName(card.Name))
        {
            throw new ArgumentException($"model name '{card.Name}' is not valid (a-z, 0-9, '-')", nameof(package));
        }

        await Blobs.CreateIfNotExistsAsync(cancellationToken: ct);
        var prefix = $"{card.Name}/{card.Version}/";
        if (package.Model is { } model)
        {
            await Blobs.GetBlobClient(prefix + ModelFile).UploadAsync(new BinaryData(model), overwrite: true, ct);
        }

        await Blobs.GetBlobClient(prefix + CardFile).UploadAsync(BinaryData.FromString(ModelCardJson.Write(card)), overwrite: true, ct);
        await Blobs.GetBlobClient($"{card.Name}/{Pointer}").UploadAsync(BinaryData.FromString(card.Version), overwrite: true, ct);
    }

    /// <summary>The version in use of a model, or null when the registry has no such model.</summary>
    public async Task<ModelPackage?> GetCurrentAsync(string name, CancellationToken ct)
    {
        var version = await ReadTextAsync($"{name}/{Pointer}", ct);
        if (version is null)
        {
            return null;
        }

        var prefix = $"{name}/{version.Trim()}/";
        var cardJson = await ReadTextAsync(prefix + CardFile, ct) ?? throw new InvalidDataException($"{Container}/{prefix}{CardFile} is missing (pointer names version {version.Trim()})");
        var card = ModelCardJson.Read(cardJson, $"{Container}/{prefix}{CardFile}");
        if (card.Kind == ModelCard.RuleKind)
        {
            return new ModelPackage(card, null);
        }

        var model = await ReadBytesAsync(prefix + ModelFile, ct) ?? throw new InvalidDataException($"{Container}/{prefix}{ModelFile} is missing");
        return new ModelPackage(card, model);
    }

    /// <summary>The version pointer alone (one small read): lets a cache notice a new version cheaply.</summary>
    public async Task<string?> CurrentVersionAsync(string name, CancellationToken ct) => (await ReadTextAsync($"{name}/{Pointer}", ct))?.Trim();

    /// <summary>The cards of the versions in use, by model name.</summary>
    public async Task<IReadOnlyList<ModelCard>> ListCurrentAsync(CancellationToken ct)
    {
        var cards = new List<ModelCard>();
        try
        {
            await foreach (var blob in Blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: null, cancellationToken: ct))
            {
                if (blob.Name.EndsWith("/" + Pointer, StringComparison.Ordinal) && await GetCurrentAsync(blob.Name[..^(Pointer.Length + 1)], ct) is { } package)
                {
                    cards.Add(package.Card);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return cards;
    }

    private async Task<string?> ReadTextAsync(string blob, CancellationToken ct) =>
        await ReadBytesAsync(blob, ct) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private async Task<byte[]?> ReadBytesAsync(string blob, CancellationToken ct)
    {
        try
        {
            var result = await Blobs.GetBlobClient(blob).DownloadContentAsync(ct);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex NamePattern();
}
