namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Every window side by side, and the means that show over-fitting: the return per session in-sample against
/// out-of-sample, and their ratio (<see cref="Efficiency"/>; near 1 = the edge carries over, near 0 or
/// negative = the optimiser fitted noise).
/// </summary>
public sealed record WalkForwardResult(IReadOnlyList<WalkForwardStep> Steps, SweepObjective Objective)
{
    public double? MeanInSampleReturnPerSession => Mean(Steps.Select(s => s.InSample));

    public double? MeanOutOfSampleReturnPerSession => Mean(Steps.Select(s => s.OutOfSample));

    public double? Efficiency => MeanInSampleReturnPerSession is { } i && MeanOutOfSampleReturnPerSession is { } o && i != 0 ? o / i : null;

    private static double? Mean(IEnumerable<Backtest.BacktestSummary?> summaries)
    {
        var perSession = summaries.OfType<Backtest.BacktestSummary>().Where(s => s.Sessions > 0).Select(s => (double)s.TotalReturn / s.Sessions).ToList();
        return perSession.Count > 0 ? perSession.Average() : null;
    }
}
