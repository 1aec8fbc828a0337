namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>
/// Thrown by a function whose capability does not exist yet. It fails the invocation (HTTP 501) so that
/// nobody mistakes a placeholder for a working part: queue messages retry and then land in poison.
/// </summary>
public sealed class NotBuiltYetException(string functionName, string capability)
    : Exception($"{functionName}: {capability} is not built yet")
{
    public string FunctionName { get; } = functionName;
}
