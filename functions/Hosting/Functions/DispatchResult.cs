using System.Text.Json.Nodes;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>The handler's answer to one invocation: the status the host checks and the JSON it reads.</summary>
public sealed record DispatchResult(int StatusCode, JsonObject Body)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static DispatchResult Failure(int statusCode, string error, IEnumerable<string>? logs = null)
    {
        var logArray = new JsonArray();
        foreach (var line in logs ?? [])
        {
            logArray.Add(line);
        }

        logArray.Add(error);
        return new DispatchResult(statusCode, new JsonObject
        {
            ["Outputs"] = new JsonObject(),
            ["Logs"] = logArray,
            ["ReturnValue"] = null,
            ["error"] = error,
        });
    }
}
