using MiniQuantDesk.Domain.Orders;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Domain.Backtest;

/// <summary>An intent the risk manager refused during the run, with its verdict.</summary>
public sealed record RiskRefusal(OrderIntent Intent, RiskVerdict Verdict);
