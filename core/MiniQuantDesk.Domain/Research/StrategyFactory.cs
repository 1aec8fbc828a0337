using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// Makes a fresh strategy for a run on <paramref name="series"/>. A well-behaved strategy ignores the series
/// (it only learns bars through <see cref="IStrategy.OnBar"/>); the bias checks hand it over so that a strategy
/// precomputed from the whole series — the classic look-ahead leak — is caught.
/// </summary>
public delegate IStrategy StrategyFactory(string symbol, IReadOnlyList<Bar> series);
