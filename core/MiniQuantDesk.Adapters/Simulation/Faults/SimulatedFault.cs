using System.Globalization;

namespace MiniQuantDesk.Adapters.Simulation.Faults;

/// <summary>
/// One fault to inject: for the next <see cref="Count"/> matching requests, or for each matching request with
/// probability <see cref="Probability"/> (drawn from the market's seeded Random, so a run reproduces). A request
/// matches when its path starts with <see cref="PathPrefix"/> (any path when null). Admin paths (<c>/_sim/…</c>) never
/// match.
/// </summary>
public sealed record SimulatedFault
{
    public required SimulatedFaultKind Kind { get; init; }

    /// <summary>How many matching requests get the fault; 1 when neither this nor <see cref="Probability"/> is set.</summary>
    public int? Count { get; init; }

    /// <summary>Chance (0..1] that each matching request gets the fault; the fault stays armed until cleared.</summary>
    public double? Probability { get; init; }

    public string? PathPrefix { get; init; }

    /// <summary><see cref="SimulatedFaultKind.Slow"/>: how long before the answer.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><see cref="SimulatedFaultKind.RateLimit"/>: how far after now the <c>X-RateLimit-Reset</c> lies.</summary>
    public TimeSpan RateLimitReset { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><see cref="SimulatedFaultKind.RejectOrder"/>: 403 (insufficient buying power) or 422.</summary>
    public int RejectStatus { get; init; } = 403;

    /// <summary><see cref="SimulatedFaultKind.RejectOrder"/>: the message; Alpaca's usual words when null.</summary>
    public string? RejectMessage { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"fault kind {Kind} is unknown");
        }

        if (Count is not null && Probability is not null)
        {
            errors.Add("a fault has either a count or a probability, not both");
        }

        if (Count is < 1)
        {
            errors.Add($"fault count must be >= 1, was {Count.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Probability is { } p && (double.IsNaN(p) || p <= 0 || p > 1))
        {
            errors.Add($"fault probability must be in (0, 1], was {p.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Delay < TimeSpan.Zero || RateLimitReset < TimeSpan.Zero)
        {
            errors.Add("fault delay and rate-limit reset must be >= 0");
        }

        if (RejectStatus is not (403 or 422))
        {
            errors.Add($"a rejected order answers 403 or 422, was {RejectStatus.ToString(CultureInfo.InvariantCulture)}");
        }

        return errors;
    }
}
