using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Research;

/// <summary>Everything the paper record from session <c>From</c> on is built from, as read from storage: the desk's starts, its fills, risk refusals, drift and its resolutions, and the bars it stored (with a few days before the first session, for the parity backtest's warm-up).</summary>
public sealed record PaperRecordInput(
    DateOnly From,
    IReadOnlyList<ConfigurationEvent> Configurations,
    IReadOnlyList<PaperFill> Fills,
    IReadOnlyList<RiskEvent> RiskEvents,
    IReadOnlyList<DriftEvent> Drifts,
    IReadOnlyList<DriftResolution> Resolutions,
    IReadOnlyList<Bar> Bars);
