using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.NotifyDiscord;

public sealed class NotifyDiscordFunction : IQueueFunction
{
    public string Name => "NotifyDiscord";

    public Task RunAsync(QueueTrigger message, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "Discord notifications (issue 6)");
}
