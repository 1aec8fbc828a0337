namespace MiniQuantDesk.Domain.Research;

public enum BiasCheckKind
{
    /// <summary>Signals on a truncated series must equal the full series' signals up to the cut.</summary>
    LookAhead = 0,

    /// <summary>Past the declared warm-up, signals must not depend on how much history came before.</summary>
    WarmUp = 1,
}
