using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.LocalHost;

/// <summary>What the host made of the handler's answer: success, and the outputs to write if so.</summary>
public sealed record InvocationOutcome(
    bool Succeeded,
    int StatusCode,
    IReadOnlyDictionary<string, IReadOnlyList<string>> QueueOutputs,
    JsonObject? HttpOutput,
    IReadOnlyList<string> Logs,
    string? Error)
{
    public static InvocationOutcome Failed(int status, string error, IReadOnlyList<string>? logs = null) =>
        new(false, status, new Dictionary<string, IReadOnlyList<string>>(), null, logs ?? [], error);
}
