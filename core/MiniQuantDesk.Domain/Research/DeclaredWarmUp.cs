namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// What a strategy declares about its warm-up: after <see cref="Bars"/> bars (counted from the first bar of
/// the first whole session when <see cref="FromSessionStart"/>), its signals no longer depend on how much
/// history came before.
/// </summary>
public sealed record DeclaredWarmUp(int Bars, bool FromSessionStart = false);
