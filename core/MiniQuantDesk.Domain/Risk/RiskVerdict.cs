namespace MiniQuantDesk.Domain.Risk;

/// <summary>
/// The risk manager's answer for one order intent. It lists every reason to refuse, not just the first;
/// an approved verdict has none. <see cref="AddedExposureUsd"/> is what the caller should reserve while
/// the order is in flight (zero for an order that only shrinks a position).
/// </summary>
public sealed record RiskVerdict(
    IReadOnlyList<RiskReason> Reasons,
    bool ReducesPosition,
    decimal OrderNotionalUsd,
    decimal AddedExposureUsd)
{
    public bool Approved => Reasons.Count == 0;

    public bool Has(RiskReasonCode code) => Reasons.Any(r => r.Code == code);

    public IReadOnlyList<RiskReasonCode> Codes => Reasons.Select(r => r.Code).ToList();

    public override string ToString() =>
        Approved ? "approved" : "rejected: " + string.Join("; ", Reasons.Select(r => r.ToString()));
}
