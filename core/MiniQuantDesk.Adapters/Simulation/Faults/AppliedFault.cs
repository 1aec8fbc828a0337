namespace MiniQuantDesk.Adapters.Simulation.Faults;

/// <summary>A fault that hit a request, recorded so tests can see it happened.</summary>
public sealed record AppliedFault(SimulatedFaultKind Kind, string Method, string Path);
