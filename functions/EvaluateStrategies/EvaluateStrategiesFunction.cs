using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.EvaluateStrategies;

public sealed class EvaluateStrategiesFunction : IQueueFunction
{
    public string Name => "EvaluateStrategies";

    public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "strategy evaluation (issues 4 and 5)");
}
