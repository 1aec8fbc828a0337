namespace MiniQuantDesk.Adapters.Simulation.Faults;

/// <summary>
/// The armed faults of a simulated market (C# side of <c>/_sim/faults</c>). The first armed fault that matches a
/// request applies to it; a counted fault is disarmed when its count is used up.
/// </summary>
public sealed class SimulatedFaults
{
    private readonly object gate = new();
    private readonly List<Armed> armed = [];
    private readonly List<AppliedFault> applied = [];
    private readonly Random random;

    internal SimulatedFaults(int seed) => random = new Random(seed);

    /// <summary>Faults applied so far, oldest first.</summary>
    public IReadOnlyList<AppliedFault> Applied
    {
        get
        {
            lock (gate)
            {
                return [.. applied];
            }
        }
    }

    /// <summary>Faults still armed.</summary>
    public int ArmedCount
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    /// <summary>Arms a fault; throws <see cref="ArgumentException"/> naming what is wrong with it.</summary>
    public void Inject(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var errors = fault.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(fault));
        }

        lock (gate)
        {
            armed.Add(new Armed(fault, fault.Probability is null ? fault.Count ?? 1 : null));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            armed.Clear();
        }
    }

    internal SimulatedFault? Match(string method, string path)
    {
        lock (gate)
        {
            foreach (var entry in armed)
            {
                var fault = entry.Fault;
                if ((fault.PathPrefix is { } prefix && !path.StartsWith(prefix, StringComparison.Ordinal))
                    || (fault.Kind == SimulatedFaultKind.RejectOrder && !(method == "POST" && path == "/v2/orders")))
                {
                    continue;
                }

                if (fault.Probability is { } p && random.NextDouble() >= p)
                {
                    continue;
                }

                if (entry.Remaining is not null && --entry.Remaining == 0)
                {
                    armed.Remove(entry);
                }

                applied.Add(new AppliedFault(fault.Kind, method, path));
                return fault;
            }

            return null;
        }
    }

    private sealed class Armed(SimulatedFault fault, int? remaining)
    {
        public SimulatedFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;
    }
}
