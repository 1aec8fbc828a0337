namespace MiniQuantDesk.Functions.Hosting.Catalog;

/// <summary>A function as its folder declares it: the folder name is the function name and the path the host POSTs to.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    public BindingDefinition Trigger => Bindings.Single(b => b.IsTrigger);

    public TriggerKind Kind => Trigger.Type.ToLowerInvariant() switch
    {
        "timertrigger" => TriggerKind.Timer,
        "queuetrigger" => TriggerKind.Queue,
        "httptrigger" => TriggerKind.Http,
        var other => throw new InvalidOperationException($"function {Name}: trigger type '{other}' is not one the desk uses"),
    };

    public IEnumerable<BindingDefinition> QueueOutputs => Bindings.Where(b => b.IsOutput && b.Is("queue"));

    public BindingDefinition? HttpOutput => Bindings.FirstOrDefault(b => b.IsOutput && b.Is("http"));

    /// <summary>The host forwards the raw request only for exactly one httpTrigger in and one http out.</summary>
    public bool IsForwardedHttp(bool forwardingEnabled) =>
        forwardingEnabled && Kind == TriggerKind.Http && Bindings.Count == 2 && HttpOutput is not null;

    /// <summary>The route under the prefix: the binding's route, or the function name when none is given.</summary>
    public string HttpRoute => Trigger.Route is { Length: > 0 } route ? route.Trim('/') : Name;
}
