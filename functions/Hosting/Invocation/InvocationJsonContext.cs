using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

// Source-generated so the handler stays trimmable / Native AOT friendly.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSourceGenerationOptions(WriteIndented = false)]
public sealed partial class InvocationJsonContext : JsonSerializerContext;
