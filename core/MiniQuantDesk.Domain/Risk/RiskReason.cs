namespace MiniQuantDesk.Domain.Risk;

/// <summary>One refusal: a stable code for machines and a sentence with the numbers for the trader.</summary>
public sealed record RiskReason(RiskReasonCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
