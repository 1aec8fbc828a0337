namespace MiniQuantDesk.Domain.MarketData;

/// <summary>Accepted, or refused with a named <see cref="BarRejection"/> and a sentence for logs and alerts.</summary>
public readonly record struct BarVerdict(BarRejection? Rejection, string? Reason)
{
    public static BarVerdict Accepted => default;

    public bool IsAccepted => Rejection is null;

    public static BarVerdict Reject(BarRejection rejection, string reason) => new(rejection, reason);

    public override string ToString() => IsAccepted ? "accepted" : $"{Rejection}: {Reason}";
}
