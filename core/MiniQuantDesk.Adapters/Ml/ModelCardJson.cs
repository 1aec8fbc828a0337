using System.Text.Json;
using System.Text.Json.Serialization;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>The card as JSON (camelCase, indented; NaN metrics written as "NaN").</summary>
public static class ModelCardJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(ModelCard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>Reads a card; malformed JSON throws <see cref="InvalidDataException"/> naming <paramref name="source"/>.</summary>
    public static ModelCard Read(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(json, Options) ?? throw new InvalidDataException($"{source}: empty model card");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not a model card ({ex.Message})", ex);
        }
    }
}
