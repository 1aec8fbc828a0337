namespace MiniQuantDesk.Domain.Research;

/// <summary>The desk started with <see cref="Configuration"/> in <see cref="Mode"/> (Paper or Live) — logged at each start.</summary>
public sealed record ConfigurationEvent(DateTimeOffset At, string Mode, string Fingerprint, DeskConfiguration? Configuration);

/// <summary>An intent the risk manager refused.</summary>
public sealed record RiskEvent(DateTimeOffset At, string Symbol, string Reason);

/// <summary>Reconcile found the desk's position differing from the broker's.</summary>
public sealed record DriftEvent(DateTimeOffset At, string Symbol, decimal Desk, decimal Broker);

/// <summary>A person declared the drift on <see cref="Symbol"/> (or <c>*</c>: every symbol) resolved.</summary>
public sealed record DriftResolution(DateTimeOffset At, string Symbol, string By, string Note);
