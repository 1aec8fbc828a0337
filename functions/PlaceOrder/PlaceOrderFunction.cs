using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.PlaceOrder;

public sealed class PlaceOrderFunction : IQueueFunction
{
    public string Name => "PlaceOrder";

    public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "order placement (issue 5)");
}
