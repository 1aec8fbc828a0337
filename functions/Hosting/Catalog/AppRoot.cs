using System.Globalization;
using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Catalog;

/// <summary>
/// A Functions app root on disk: host.json beside one folder per function holding its function.json.
/// The build output is such a root, so the handler and the local host read exactly what Azure would.
/// </summary>
public sealed class AppRoot
{
    private AppRoot(string path, HostDefinition host, IReadOnlyList<FunctionDefinition> functions)
    {
        Path = path;
        Host = host;
        Functions = functions;
    }

    public string Path { get; }

    public HostDefinition Host { get; }

    public IReadOnlyList<FunctionDefinition> Functions { get; }

    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static AppRoot Load(string path)
    {
        var hostFile = System.IO.Path.Combine(path, "host.json");
        if (!File.Exists(hostFile))
        {
            throw new InvalidOperationException($"no host.json in {path}: not a Functions app root");
        }

        var host = ReadHost(hostFile);
        var functions = new List<FunctionDefinition>();
        foreach (var folder in Directory.GetDirectories(path).Order(StringComparer.Ordinal))
        {
            var file = System.IO.Path.Combine(folder, "function.json");
            if (File.Exists(file))
            {
                functions.Add(ReadFunction(System.IO.Path.GetFileName(folder), file));
            }
        }

        return new AppRoot(path, host, functions);
    }

    private static HostDefinition ReadHost(string file)
    {
        using var document = Parse(file);
        var root = document.RootElement;
        var description = root.TryGetProperty("customHandler", out var handler) && handler.TryGetProperty("description", out var d)
            ? d
            : throw new InvalidOperationException($"{file}: customHandler.description is required");
        var executable = description.TryGetProperty("defaultExecutablePath", out var exe) ? exe.GetString() : null;
        if (string.IsNullOrWhiteSpace(executable))
        {
            throw new InvalidOperationException($"{file}: customHandler.description.defaultExecutablePath is required");
        }

        var arguments = description.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Array
            ? args.EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList()
            : [];
        var workingDirectory = description.TryGetProperty("workingDirectory", out var wd) ? wd.GetString() ?? string.Empty : string.Empty;
        var forwarding = handler.TryGetProperty("enableForwardingHttpRequest", out var fwd) && fwd.ValueKind == JsonValueKind.True;

        var extensions = root.TryGetProperty("extensions", out var ext) ? ext : default;
        var routePrefix = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) ? prefix.GetString() ?? "api" : "api";
        var timeout = root.TryGetProperty("functionTimeout", out var ft) ? ParseTimeSpan(ft.GetString(), file, "functionTimeout") : TimeSpan.FromMinutes(5);

        return new HostDefinition(executable, workingDirectory, arguments, forwarding, routePrefix, timeout, ReadQueues(extensions, file));
    }

    private static QueueHostSettings ReadQueues(JsonElement extensions, string file)
    {
        var defaults = QueueHostSettings.Defaults;
        if (extensions.ValueKind != JsonValueKind.Object || !extensions.TryGetProperty("queues", out var queues))
        {
            return defaults;
        }

        TimeSpan Span(string name, TimeSpan fallback) =>
            queues.TryGetProperty(name, out var v) ? ParseTimeSpan(v.GetString(), file, $"extensions.queues.{name}") : fallback;
        int Int(string name, int fallback) => queues.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : fallback;
        var base64 = !queues.TryGetProperty("messageEncoding", out var enc) || !string.Equals(enc.GetString(), "none", StringComparison.OrdinalIgnoreCase);

        var batch = Int("batchSize", defaults.BatchSize);
        return new QueueHostSettings(
            Span("maxPollingInterval", defaults.MaxPollingInterval),
            Span("visibilityTimeout", defaults.VisibilityTimeout),
            batch,
            Int("newBatchThreshold", batch / 2),
            Int("maxDequeueCount", defaults.MaxDequeueCount),
            base64);
    }

    private static FunctionDefinition ReadFunction(string name, string file)
    {
        using var document = Parse(file);
        if (!document.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{file}: a 'bindings' array is required");
        }

        var list = new List<BindingDefinition>();
        foreach (var b in bindings.EnumerateArray())
        {
            string? Str(string key) => b.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            bool? Bool(string key) => b.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            var methods = b.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                ? m.EnumerateArray().Select(x => (x.GetString() ?? string.Empty).ToUpperInvariant()).ToList()
                : null;
            list.Add(new BindingDefinition(
                Str("name") ?? throw new InvalidOperationException($"{file}: a binding has no name"),
                Str("type") ?? throw new InvalidOperationException($"{file}: binding without type"),
                Str("direction") ?? "in",
                Str("queueName"),
                Str("schedule"),
                Bool("runOnStartup") ?? false,
                Bool("useMonitor"),
                Str("authLevel"),
                methods,
                Str("route"),
                Str("connection")));
        }

        if (list.Count(b => b.IsTrigger) != 1)
        {
            throw new InvalidOperationException($"{file}: exactly one trigger binding is required");
        }

        return new FunctionDefinition(name, list);
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{file}: not valid JSON ({ex.Message})", ex);
        }
    }

    private static TimeSpan ParseTimeSpan(string? text, string file, string setting) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new InvalidOperationException($"{file}: {setting} '{text}' is not a time span (hh:mm:ss)");
}
