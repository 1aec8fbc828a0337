using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.BarPoll;

public sealed class BarPollFunction : ITimerFunction
{
    public string Name => "BarPoll";

    public Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "the live minute's bar polling (issue 5)");
}
