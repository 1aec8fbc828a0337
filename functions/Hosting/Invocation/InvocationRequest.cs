using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c>: one <c>Data</c> entry per input binding
/// and the trigger's <c>Metadata</c>. Values keep their raw JSON because the host's encoding is loose
/// (numbers as strings, strings quoted twice); <see cref="InvocationValue"/> reads them tolerantly.
/// </summary>
public sealed record InvocationRequest(
    IReadOnlyDictionary<string, JsonElement> Data,
    IReadOnlyDictionary<string, JsonElement> Metadata)
{
    public static InvocationRequest Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"the invocation body is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInvocationException("the invocation body must be a JSON object with Data and Metadata");
            }

            var data = ReadSection(root, "Data", required: true);
            var metadata = ReadSection(root, "Metadata", required: false);
            return new InvocationRequest(data, metadata);
        }
    }

    private static Dictionary<string, JsonElement> ReadSection(JsonElement root, string name, bool required)
    {
        var section = FindProperty(root, name);
        if (section is null || section.Value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                throw new InvalidInvocationException($"the invocation body has no '{name}' object");
            }

            return new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        }

        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"'{name}' must be a JSON object, was {section.Value.ValueKind}");
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in section.Value.EnumerateObject())
        {
            values[property.Name] = property.Value.Clone();
        }

        return values;
    }

    // The host writes "Data"/"Metadata"; hand-written samples in the docs sometimes use other casing.
    private static JsonElement? FindProperty(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    public JsonElement? MetadataValue(string name) => Metadata.TryGetValue(name, out var value) ? value : null;

    public string? InvocationSysValue(string name)
    {
        if (MetadataValue("sys") is { ValueKind: JsonValueKind.Object } sys)
        {
            foreach (var property in sys.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return InvocationValue.AsString(property.Value);
                }
            }
        }

        return null;
    }
}
