namespace MiniQuantDesk.Functions.Hosting.Catalog;

/// <summary>One entry of a function.json <c>bindings</c> array, with the properties the desk's triggers use.</summary>
public sealed record BindingDefinition(
    string Name,
    string Type,
    string Direction,
    string? QueueName = null,
    string? Schedule = null,
    bool RunOnStartup = false,
    bool? UseMonitor = null,
    string? AuthLevel = null,
    IReadOnlyList<string>? Methods = null,
    string? Route = null,
    string? Connection = null)
{
    public bool IsInput => string.Equals(Direction, "in", StringComparison.OrdinalIgnoreCase);

    public bool IsOutput => string.Equals(Direction, "out", StringComparison.OrdinalIgnoreCase);

    public bool IsTrigger => IsInput && Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
