using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.TrackOrder;

public sealed class TrackOrderFunction : IQueueFunction
{
    public string Name => "TrackOrder";

    public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "order tracking (issue 5)");
}
