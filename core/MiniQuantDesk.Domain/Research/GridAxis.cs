namespace MiniQuantDesk.Domain.Research;

/// <summary>One swept parameter and the values it takes, in ascending order.</summary>
public sealed record GridAxis(string Name, IReadOnlyList<decimal> Values);
