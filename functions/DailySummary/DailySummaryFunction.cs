using MiniQuantDesk.Functions.Hosting.Functions;
using MiniQuantDesk.Functions.Hosting.Invocation;

namespace MiniQuantDesk.Functions.DailySummary;

public sealed class DailySummaryFunction : ITimerFunction
{
    public string Name => "DailySummary";

    public Task RunAsync(TimerTrigger timer, FunctionContext context, CancellationToken cancellationToken) =>
        throw new NotBuiltYetException(Name, "the daily summary (issue 6)");
}
