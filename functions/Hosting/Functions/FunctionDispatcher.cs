using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Functions.Hosting.Catalog;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>
/// Routes the host's invocation requests to the desk's functions and writes their answers in the
/// shape the host reads (<c>Outputs</c>, <c>Logs</c>, <c>ReturnValue</c>). A malformed body is refused
/// before any function runs, so it changes nothing.
/// </summary>
public sealed class FunctionDispatcher
{
    private readonly AppRoot _app;
    private readonly Dictionary<string, IDeskFunction> _functions;
    private readonly ILoggerFactory _loggers;
    private readonly InvocationHold _hold;

    public FunctionDispatcher(AppRoot app, IEnumerable<IDeskFunction> functions, ILoggerFactory loggers, InvocationHold? hold = null)
    {
        _app = app;
        _loggers = loggers;
        _hold = hold ?? InvocationHold.None;
        _functions = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        CheckEveryFunctionIsImplemented();
    }

    public AppRoot App => _app;

    public IDeskFunction? Find(string name) => _functions.GetValueOrDefault(name);

    public async Task<DispatchResult> InvokeAsync(string functionName, byte[] body, string? invocationId, CancellationToken ct)
    {
        var definition = _app.Find(functionName);
        if (definition is null || !_functions.TryGetValue(functionName, out var function))
        {
            return DispatchResult.Failure(404, $"no function named '{functionName}'");
        }

        InvocationRequest request;
        try
        {
            request = InvocationRequest.Parse(body);
        }
        catch (InvalidInvocationException ex)
        {
            return DispatchResult.Failure(400, $"{functionName}: {ex.Message}");
        }

        invocationId ??= Guid.NewGuid().ToString();
        var queueText = definition.Kind == TriggerKind.Queue && request.Data.TryGetValue(definition.Trigger.Name, out var raw) && raw.ValueKind == System.Text.Json.JsonValueKind.String
            ? InvocationValue.UnwrapQuoted(raw.GetString()!)
            : null;
        var parent = queueText is null ? null : QueueTraceContext.From(queueText);
        using var activity = parent is { } p
            ? DeskTelemetry.Source.StartActivity(functionName, ActivityKind.Consumer, p)
            : DeskTelemetry.Source.StartActivity(functionName, ActivityKind.Server);
        activity?.SetTag("faas.name", functionName);
        activity?.SetTag("faas.invocation_id", invocationId);

        var logger = _loggers.CreateLogger($"Function.{functionName}");
        using var scope = logger.BeginScope("Function {FunctionName} invocation {InvocationId}", functionName, invocationId);
        var context = new FunctionContext(definition, invocationId, logger, activity);
        try
        {
            var output = new JsonObject();
            switch (function)
            {
                // Each attempt of a held invocation starts from a fresh context, so a failed attempt's outputs are dropped.
                case ITimerFunction timer when definition.Kind == TriggerKind.Timer:
                    var tick = TimerTrigger.From(request, definition.Trigger.Name);
                    await _hold.RunAsync(functionName, async token =>
                    {
                        context = new FunctionContext(definition, invocationId, logger, activity);
                        await timer.RunAsync(tick, context, token);
                    }, ct);
                    break;
                case IQueueFunction queue when definition.Kind == TriggerKind.Queue:
                    var message = QueueTrigger.From(request, definition.Trigger.Name);
                    activity?.SetTag("messaging.message.id", message.MessageId);
                    activity?.SetTag("messaging.dequeue_count", message.DequeueCount);
                    await _hold.RunAsync(functionName, async token =>
                    {
                        context = new FunctionContext(definition, invocationId, logger, activity);
                        await queue.RunAsync(message, context, token);
                    }, ct);
                    break;
                case IHttpFunction http when definition.Kind == TriggerKind.Http:
                    var response = await http.HandleAsync(HttpRequestData.FromEnvelope(request, definition.Trigger.Name), context, ct);
                    if (definition.HttpOutput is { } res)
                    {
                        output[res.Name] = ToHttpOutput(response);
                    }

                    break;
                default:
                    return DispatchResult.Failure(500, $"{functionName}: its implementation does not match its {definition.Kind} trigger");
            }

            foreach (var (binding, messages) in context.QueueOutputs)
            {
                output[binding] = messages.DeepClone();
            }

            var logs = new JsonArray();
            foreach (var line in context.Logs)
            {
                logs.Add(line);
            }

            return new DispatchResult(200, new JsonObject { ["Outputs"] = output, ["Logs"] = logs, ["ReturnValue"] = null });
        }
        catch (InvalidInvocationException ex)
        {
            logger.LogWarning("Refused invocation: {Reason}", ex.Message);
            return DispatchResult.Failure(400, $"{functionName}: {ex.Message}", context.Logs);
        }
        catch (NotBuiltYetException ex)
        {
            logger.LogWarning("{Reason}", ex.Message);
            return DispatchResult.Failure(501, ex.Message, context.Logs);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{FunctionName} failed", functionName);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return DispatchResult.Failure(500, $"{functionName} failed: {ex.GetType().Name}: {ex.Message}", context.Logs);
        }
    }

    /// <summary>Runs a forwarded HTTP function against the raw request, keeping its exact bytes.</summary>
    public async Task<HttpResponseData> InvokeForwardedAsync(FunctionDefinition definition, HttpRequestData request, string? invocationId, CancellationToken ct)
    {
        var http = (IHttpFunction)_functions[definition.Name];
        invocationId ??= Guid.NewGuid().ToString();
        using var activity = DeskTelemetry.Source.StartActivity(definition.Name, ActivityKind.Server);
        activity?.SetTag("faas.name", definition.Name);
        activity?.SetTag("faas.invocation_id", invocationId);
        var logger = _loggers.CreateLogger($"Function.{definition.Name}");
        using var scope = logger.BeginScope("Function {FunctionName} invocation {InvocationId}", definition.Name, invocationId);
        var context = new FunctionContext(definition, invocationId, logger, activity);
        try
        {
            return await http.HandleAsync(request, context, ct);
        }
        catch (NotBuiltYetException ex)
        {
            logger.LogWarning("{Reason}", ex.Message);
            return HttpResponseData.Json(501, new JsonObject { ["error"] = ex.Message }.ToJsonString());
        }
        catch (InvalidInvocationException ex)
        {
            return HttpResponseData.Json(400, new JsonObject { ["error"] = ex.Message }.ToJsonString());
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{FunctionName} failed", definition.Name);
            return HttpResponseData.Json(500, new JsonObject { ["error"] = $"{definition.Name} failed" }.ToJsonString());
        }
    }

    private static JsonObject ToHttpOutput(HttpResponseData response)
    {
        var headers = new JsonObject { ["Content-Type"] = response.ContentType };
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["statusCode"] = response.StatusCode,
            ["headers"] = headers,
            ["body"] = response.BodyText,
        };
    }

    private void CheckEveryFunctionIsImplemented()
    {
        var missing = _app.Functions.Where(d => !_functions.ContainsKey(d.Name)).Select(d => d.Name).ToList();
        var undeclared = _functions.Keys.Where(name => _app.Find(name) is null).ToList();
        if (missing.Count > 0 || undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                $"function folders and implementations disagree: without implementation [{string.Join(", ", missing)}], without function.json [{string.Join(", ", undeclared)}]");
        }
    }
}
