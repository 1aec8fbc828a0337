using MiniQuantDesk.Domain.Indicators;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Domain.Strategies;

/// <summary>
/// A trading strategy for one symbol: bars and indicator state in, a signal out. Deterministic and free
/// of I/O and clocks: the same bars give the same signals in a backtest and live. An instance belongs to
/// one symbol and sees every bar of it in time order; call <see cref="OnBar"/> AFTER
/// <see cref="IndicatorSet.Update(in Bar)"/> with the same bar. Allocation-free.
/// </summary>
public interface IStrategy
{
    /// <summary>The catalog name (e.g. <c>sma-crossover</c>), part of the strategy set of an intent id.</summary>
    string Name { get; }

    string Symbol { get; }

    /// <summary>The signal at this bar's close (<see cref="SignalKind.None"/> during warm-up).</summary>
    SignalKind OnBar(in Bar bar, IndicatorSet indicators);
}
