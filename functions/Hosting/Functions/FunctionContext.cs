using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting.Catalog;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>
/// One invocation's surroundings: its id, a logger scoped to it, and the output bindings it may write.
/// Outputs are only written by the host after the function succeeds, so a failed attempt enqueues nothing.
/// </summary>
public sealed class FunctionContext
{
    private readonly Dictionary<string, JsonArray> _queueOutputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _logs = [];
    private readonly FunctionDefinition _definition;

    public FunctionContext(FunctionDefinition definition, string invocationId, ILogger logger, Activity? activity)
    {
        _definition = definition;
        InvocationId = invocationId;
        Logger = logger;
        Activity = activity;
    }

    public string FunctionName => _definition.Name;

    public string InvocationId { get; }

    public ILogger Logger { get; }

    public Activity? Activity { get; }

    public IReadOnlyList<string> Logs => _logs;

    public IReadOnlyDictionary<string, JsonArray> QueueOutputs => _queueOutputs;

    /// <summary>Logs to the app's log and to the invocation log the host keeps (Application Insights).</summary>
    public void Log(string message)
    {
        Logger.LogInformation("{Message}", message);
        _logs.Add(message);
    }

    /// <summary>
    /// Adds a message to a queue output binding declared in function.json. Messages are always JSON
    /// objects: the host base64-decodes plain strings that happen to look like base64, JSON never does.
    /// The current trace context rides along so one minute's path stays one trace across queues.
    /// </summary>
    public void Enqueue(string bindingName, JsonObject message)
    {
        if (!_definition.QueueOutputs.Any(b => string.Equals(b.Name, bindingName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"{FunctionName} has no queue output binding named '{bindingName}' in its function.json");
        }

        if (!message.ContainsKey(QueueTraceContext.PropertyName) && Activity is { } activity)
        {
            message[QueueTraceContext.PropertyName] = activity.Id;
        }

        if (!_queueOutputs.TryGetValue(bindingName, out var list))
        {
            list = [];
            _queueOutputs[bindingName] = list;
        }

        list.Add(message);
    }
}
