using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Hosting.Functions;

/// <summary>A function of the app; its <see cref="Name"/> is its folder and the path the host POSTs to.</summary>
public interface IDeskFunction
{
    string Name { get; }
}

public interface ITimerFunction : IDeskFunction
{
    Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken);
}

public interface IQueueFunction : IDeskFunction
{
    Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken);
}

public interface IHttpFunction : IDeskFunction
{
    Task<HttpResponseData> HandleAsync(HttpRequestData request, FunctionContext context, CancellationToken cancellationToken);
}
