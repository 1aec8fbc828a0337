using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.Reconcile;

public sealed class ReconcileFunction : ITimerFunction
{
    public string Name => "Reconcile";

    public Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "reconciliation with the broker (issue 5)");
}
