namespace MiniQuantDesk.Domain.Research;

/// <summary>A failed criterion and why, with the figures (e.g. "12 paper sessions ..., LiveGate:MinSessions needs 30").</summary>
public sealed record LiveGateFailure(LiveGateCriterion Criterion, string Reason)
{
    public override string ToString() => Reason;
}

/// <summary>The gate's answer for one configuration: every failed criterion (none = the record qualifies).</summary>
public sealed record LiveGateVerdict(string Fingerprint, int Sessions, IReadOnlyList<LiveGateFailure> Failures)
{
    public bool Passed => Failures.Count == 0;

    public bool Failed(LiveGateCriterion criterion) => Failures.Any(f => f.Criterion == criterion);
}
